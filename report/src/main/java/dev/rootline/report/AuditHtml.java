package dev.rootline.report;

import dev.rootline.timeline.audit.Audit;
import dev.rootline.timeline.audit.ClusterAudit;
import dev.rootline.timeline.audit.LatentRisk;
import dev.rootline.timeline.audit.SubnetAudit;

/** {@code audit.html}: one self-contained page, the same CSP as the report; every value through {@link Html#text}. */
final class AuditHtml {
    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1b1f24}"
            + "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border-bottom:1px solid #d0d7de;"
            + "padding:.4em .6em;text-align:left;vertical-align:top}th{background:#f6f8fa}code{font-size:90%}"
            + ".no{color:#cf222e;font-weight:600}.yes{color:#1a7f37}.unknown{color:#9a6700}";

    private AuditHtml() {
    }

    static String page(Audit a) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(HtmlReport.CSP).append("\"/>")
                .append("<title>rootline audit: ").append(a.risks().size()).append(" latent risks</title>\n<style>")
                .append(CSS).append("</style></head><body>\n<h1>Latent risks at ").append(Html.text(a.at().toString()))
                .append("</h1>\n<p>").append(a.clusters().size()).append(" EKS clusters; every subnet of each one's subnet list")
                .append(" checked as if a new control-plane ENI sat there, for tcp/").append(a.port()).append(" from ")
                .append(a.inferred() ? "the client networks inferred from peering: " : "the client networks given: ");
        for (int i = 0; i < a.clientNetworks().size(); i++) {
            b.append(i == 0 ? "" : ", ").append("<code>").append(Html.text(a.clientNetworks().get(i))).append("</code>");
        }
        b.append(a.clientNetworks().isEmpty() ? "none found" : "").append(".</p>\n");
        b.append("<h2>Risks</h2>\n");
        if (a.risks().isEmpty()) {
            b.append("<p id=\"no-risks\">No latent risk: every subnet routes back to every client network it must serve.</p>\n");
        } else {
            b.append("<table id=\"risks\">\n<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Cluster</th>")
                    .append("<th scope=\"col\">Subnet</th><th scope=\"col\">Route table</th><th scope=\"col\">Missing route to</th>")
                    .append("<th scope=\"col\">Blocked by</th><th scope=\"col\">ENIs there now</th><th scope=\"col\">Fix</th></tr></thead>\n<tbody>\n");
            for (LatentRisk r : a.risks()) {
                b.append("<tr><td>").append(r.kind().name()).append("</td><td>").append(Html.text(r.cluster()))
                        .append("</td><td><code>").append(Html.text(r.subnetId())).append("</code></td><td><code>")
                        .append(Html.text(r.routeTableId())).append("</code></td><td>").append(Html.text(r.missingRouteTo()))
                        .append("</td><td><code>").append(Html.text(r.blockingResource())).append("</code></td><td>")
                        .append(Html.text(String.join(", ", r.enisNow()))).append("</td><td><code>").append(Html.text(r.fix()))
                        .append("</code></td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        for (ClusterAudit c : a.clusters()) {
            b.append("<h2 id=\"cluster-").append(Html.id(c.cluster())).append("\">Cluster ").append(Html.text(c.cluster()))
                    .append("</h2>\n<p>VPC <code>").append(Html.text(c.vpc())).append("</code>; a new ENI would carry ")
                    .append(Html.text(c.securityGroups().isEmpty() ? "no known group" : String.join(", ", c.securityGroups())))
                    .append("; clients checked: ").append(Html.text(c.clientNetworks().isEmpty() ? "none"
                            : String.join(", ", c.clientNetworks()))).append(".</p>\n")
                    .append("<table class=\"subnets\">\n<thead><tr><th scope=\"col\">Subnet</th><th scope=\"col\">Class</th>")
                    .append("<th scope=\"col\">Route table</th><th scope=\"col\">Reachable</th><th scope=\"col\">Blocked at</th>")
                    .append("<th scope=\"col\">Missing route to</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
            for (SubnetAudit s : c.subnets()) {
                String reach = AuditWriter.reachable(s);
                b.append("<tr><td><code>").append(Html.text(s.subnetId())).append("</code></td><td>").append(Html.text(s.subnetClass()))
                        .append("</td><td><code>").append(Html.text(s.routeTableId())).append("</code></td><td class=\"")
                        .append(reach).append("\">").append(reach).append("</td><td>").append(Html.text(s.blockedAt()))
                        .append("</td><td>").append(Html.text(s.missingRouteTo())).append("</td><td>")
                        .append(Html.text(AuditWriter.verdictDetail(s))).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        return b.append("</body></html>\n").toString();
    }
}
