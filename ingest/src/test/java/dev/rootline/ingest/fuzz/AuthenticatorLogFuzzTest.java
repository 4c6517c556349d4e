package dev.rootline.ingest.fuzz;

/** {@code --type eks-authenticator}: aws-iam-authenticator logs (logfmt). */
class AuthenticatorLogFuzzTest extends ParserFuzzTarget {
    AuthenticatorLogFuzzTest() {
        super("eks-authenticator", "eks-control-plane", "/dev/rootline/ingest/k8saudit");
    }
}
