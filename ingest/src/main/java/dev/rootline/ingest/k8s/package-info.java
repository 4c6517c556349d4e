/**
 * Kubernetes events ({@code --type k8s-events}, search {@code source:k8s-event}).
 *
 * <p>Export events as JSON: {@code kubectl get events -A -o json > events.json}, or keep a watch running
 * during an incident with {@code kubectl get events -A -o json --watch-only >> events.jsonl}. Both
 * core/v1 and events.k8s.io/v1 ({@code kubectl get events.v1.events.k8s.io -o json}) are read, as lists,
 * single objects, watch events ({@code {"type":"ADDED","object":{…}}}) or JSON lines.
 *
 * <p>{@link dev.rootline.ingest.k8s.KubernetesEventsParser} is the entry point; it hands each record to
 * {@code KubernetesEvents}, whose Javadoc pins down which timestamp becomes the event time and how the
 * stable id is formed. Search by {@code eventName} (the reason, e.g. {@code BackOff}), {@code resource}
 * ({@code Pod/ns/name}), {@code error} (failure signatures found in the message) and {@code ip}.
 *
 * <p>Plain {@code kubectl get events} tables are recognised and rejected row by row: their ages ("44m")
 * are relative to an unknown moment. YAML output is not read.
 */
package dev.rootline.ingest.k8s;
