package dev.rootline.report;

import dev.rootline.timeline.audit.Audit;
import dev.rootline.timeline.audit.ClusterAudit;
import dev.rootline.timeline.audit.LatentRisk;
import dev.rootline.timeline.audit.SubnetAudit;

/** {@code audit.md}: the same content as {@code audit.html}, every value through {@link Markdown}. */
final class AuditMarkdown {
    private AuditMarkdown() {
    }

    static String page(Audit a) {
        StringBuilder b = new StringBuilder(2048);
        b.append("# Latent risks at ").append(Markdown.text(a.at().toString())).append("\n\n")
                .append(a.clusters().size()).append(" EKS clusters; every subnet of each one's subnet list checked as if a new")
                .append(" control-plane ENI sat there, for tcp/").append(a.port()).append(" from ")
                .append(a.inferred() ? "the client networks inferred from peering: " : "the client networks given: ")
                .append(a.clientNetworks().isEmpty() ? "none found" : Markdown.text(String.join(", ", a.clientNetworks())))
                .append(".\n\n## Risks\n\n");
        if (a.risks().isEmpty()) {
            b.append("No latent risk: every subnet routes back to every client network it must serve.\n\n");
        } else {
            b.append("| Kind | Cluster | Subnet | Route table | Missing route to | ENIs there now | Fix |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (LatentRisk r : a.risks()) {
                b.append("| ").append(r.kind().name()).append(" | ").append(cell(r.cluster())).append(" | ")
                        .append(code(r.subnetId())).append(" | ").append(code(r.routeTableId())).append(" | ")
                        .append(cell(r.missingRouteTo())).append(" | ").append(cell(String.join(", ", r.enisNow())))
                        .append(" | ").append(code(r.fix())).append(" |\n");
            }
            b.append('\n');
        }
        for (ClusterAudit c : a.clusters()) {
            b.append("## Cluster ").append(Markdown.text(c.cluster())).append("\n\nVPC ").append(Markdown.code(c.vpc()))
                    .append("; clients checked: ").append(Markdown.text(c.clientNetworks().isEmpty() ? "none"
                            : String.join(", ", c.clientNetworks()))).append(".\n\n")
                    .append("| Subnet | Class | Route table | Reachable | Blocked at | Missing route to | Why |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (SubnetAudit s : c.subnets()) {
                b.append("| ").append(code(s.subnetId())).append(" | ").append(cell(s.subnetClass())).append(" | ")
                        .append(code(s.routeTableId())).append(" | ").append(AuditWriter.reachable(s)).append(" | ")
                        .append(cell(s.blockedAt())).append(" | ").append(cell(s.missingRouteTo())).append(" | ")
                        .append(cell(AuditWriter.verdictDetail(s))).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String cell(String s) {
        return Markdown.cell(Markdown.text(s));
    }

    private static String code(String s) {
        return s == null ? "" : Markdown.cell(Markdown.code(s));
    }
}
