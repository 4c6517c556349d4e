/**
 * Engineering activities ({@code --type activities}, search {@code source:activity}): deploys, Terraform applies,
 * upgrades and on-call actions that a team records, read so that the report can put them beside the failures they
 * precede.
 *
 * <p>{@link dev.rootline.ingest.activity.ActivitiesParser} reads, by content:
 * <ul>
 *   <li>CSV (RFC 4180, through Commons CSV) whose first line is the header {@code time,end,title,kind,actor,link}; the
 *       header is required, in any order, and must name {@code time} and {@code title} (the other columns may be
 *       left out);</li>
 *   <li>JSON lines, one object per line, with {@code title} and {@code time} and optionally {@code end},
 *       {@code kind}, {@code actor}, {@code link}.</li>
 *   <li>Spinnaker's pipeline executions, as {@code spin pipeline execution list} prints them or Gate returns them
 *       ({@link dev.rootline.ingest.activity.SpinnakerExecutionsParser}, format {@code spinnaker-executions}).</li>
 * </ul>
 * {@code time} and {@code end} are ISO-8601 ({@code 2024-10-29T23:15:19Z}, {@code 2024-10-29 23:15+02:00}; without an
 * offset {@code --log-timezone} applies), epoch seconds, or epoch milliseconds (13 digits). A row without a readable
 * {@code time} or without a {@code title}, with the wrong number of cells, or with a value longer than
 * {@link dev.rootline.ingest.activity.Activity#MAX_CHARS} characters is rejected with its line number; an unreadable
 * or earlier {@code end} is dropped with a warning.
 *
 * <p>Each event: {@code time} = the activity's start; {@code kind} = its kind, lower-cased ({@code deploy},
 * {@code terraform-apply}…; {@code activity} when none is given); {@code message} = the title; {@code actor}; attributes
 * {@code end} (ISO) and {@code link} (as written: it is not checked, and renderers must treat it as untrusted). The id
 * digests the activity's values, not its file or line, so the same activity read from CSV and from JSON lines, or
 * ingested twice, is indexed once.
 */
package dev.rootline.ingest.activity;
