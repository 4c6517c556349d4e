package dev.rootline.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How real clients print connection failures, each form copied from a public issue thread (the {@code source}
 * column), and the signature and target rootline must read from it. The IP wins over the host name wherever
 * the text has one: only an IP can be traced to an ENI.
 */
class ClientFailureFormsTest {
    record Form(String stack, String text, String signature, String target, String source) {
        @Override
        public String toString() {
            return stack + " → " + signature;
        }
    }

    static Stream<Form> forms() {
        return Stream.of(
                // Go (client-go, kubectl)
                new Form("go dial", "Unable to connect to the server: dial tcp 10.1.0.215:6443: i/o timeout",
                        "io_timeout", "10.1.0.215:6443", "github.com/argoproj/argo-workflows/issues/5625"),
                new Form("go getsockopt", "Error: 'dial tcp 10.244.1.7:8443: getsockopt: connection timed out'",
                        "connect_timeout", "10.244.1.7:8443", "github.com/kubernetes-retired/dashboard/issues/2764"),
                new Form("go macOS", "couldn't get current server API group list: Get \"https://ec2-35-92-180-96.us-west-2.compute.amazonaws.com:52079/api?timeout=32s\": dial tcp 35.92.180.96:52079: connect: operation timed out",
                        "connect_timeout", "35.92.180.96:52079", "github.com/k3d-io/k3d/issues/1581"),
                new Form("go refused", "Failed to watch *v1.Namespace: failed to list *v1.Namespace: Get \"https://10.43.0.1:443/api/v1/namespaces?limit=500&resourceVersion=0\": dial tcp 10.43.0.1:443: connect: connection refused",
                        "connection_refused", "10.43.0.1:443", "github.com/telepresenceio/telepresence/issues/1710"),
                new Form("go no route", "Kubernetes API connection failure: Get \"https://10.43.0.1:443/version\": dial tcp 10.43.0.1:443: connect: no route to host",
                        "no_route_to_host", "10.43.0.1:443", "github.com/rancher/rancher/issues/10322"),
                new Form("go deadline", "\"Unhandled Error\" err=\"couldn't get current server API group list: Get \\\"https://127.0.0.1:6443/apis?timeout=32s\\\": context deadline exceeded\"",
                        "context_deadline_exceeded", "127.0.0.1:6443", "github.com/rancher/rancher/issues/56031"),
                new Form("go tls", "skipped caching discovery info due to Get \"https://172.18.0.3:6443/api?timeout=32s\": net/http: TLS handshake timeout",
                        "tls_handshake_timeout", "172.18.0.3:6443", "github.com/kubernetes-sigs/cluster-api/issues/7576"),
                new Form("go reset", "Error while proxying request: read tcp 172.23.0.202:52816->172.23.138.10:6443: read: connection reset by peer",
                        "connection_reset", "172.23.138.10:6443", "github.com/kubernetes/kubernetes/issues/97125"),
                new Form("go lookup", "Unable to connect to the server: dial tcp: lookup api.example.com on 10.192.64.1:53: no such host",
                        "unknown_host", "api.example.com", "github.com/kubernetes/website/issues/1866"),
                new Form("kubectl refused", "The connection to the server 127.0.0.1:64890 was refused - did you specify the right host or port?",
                        "connection_refused", "127.0.0.1:64890", "github.com/jinnovation/kele.el/issues/199"),
                // Java: OkHttp, Android libcore, fabric8, Apache HttpClient, Netty
                new Form("okhttp", "java.net.ConnectException: Failed to connect to m.facebook.com/31.13.84.36:443",
                        "connect_failed", "31.13.84.36:443", "github.com/AllanWang/Frost-for-Facebook/issues/1286"),
                new Form("okhttp timeout", "java.net.SocketTimeoutException: Failed to connect to abcdef0123456789.gr7.us-east-1.eks.amazonaws.com/172.16.100.199:443",
                        "connect_timeout", "172.16.100.199:443", "rootline issue 19 (the hidden incident's form)"),
                new Form("fabric8 cause", "io.fabric8.kubernetes.client.KubernetesClientException: Operation: [list]  for kind: [Endpoints]  with name: [null]  in namespace: [null]  failed.\nCaused by: java.net.ConnectException: Failed to connect to /10.96.0.1:443\nCaused by: java.net.SocketTimeoutException: connect timed out",
                        "connect_timeout", "10.96.0.1:443", "github.com/piomin/sample-spring-microservices-kubernetes/issues/3"),
                new Form("android", "java.net.SocketTimeoutException: failed to connect to aquarium.lipetsk.ru/195.34.232.103 (port 80) after 5000ms",
                        "connect_timeout", "195.34.232.103:80", "github.com/tolbxela/AerostatApp/issues/43"),
                new Form("android from", "java.net.SocketTimeoutException: failed to connect to /10.0.0.172 (port 26081) from /10.0.6.1 (port 41762) after 10000ms",
                        "connect_timeout", "10.0.0.172:26081", "github.com/square/okhttp/issues/7305"),
                new Form("jdk connect", "io.kubernetes.client.openapi.ApiException: java.net.SocketTimeoutException: connect timed out",
                        "connect_timeout", null, "github.com/kubernetes-client/java/issues/2023"),
                new Form("jdk 11 client", "java.net.http.HttpConnectTimeoutException: HTTP connect timed out",
                        "connect_timeout", null, "github.com/jwdeveloper/TikTokLiveJava/issues/20"),
                new Form("httpclient 4", "org.apache.http.conn.ConnectTimeoutException: Connect to www.zhihu.com:443 [www.zhihu.com/118.178.213.186] failed: connect timed out",
                        "connect_timeout", "118.178.213.186:443", "github.com/codesofun/web-bee/issues/24"),
                new Form("httpclient 4.2", "org.apache.http.conn.ConnectTimeoutException: Connect to www.google.com/172.217.7.196:443 timed out",
                        "connect_timeout", "172.217.7.196:443", "github.com/open-telemetry/opentelemetry-java-instrumentation/issues/492"),
                new Form("httpclient 5", "org.apache.hc.client5.http.HttpHostConnectException: Connect to http://localhost:2375 [localhost/127.0.0.1, localhost/0:0:0:0:0:0:0:1] failed: Connection refused: no further information",
                        "connection_refused", "127.0.0.1:2375", "github.com/docker-java/docker-java/issues/2207"),
                new Form("httpclient timeout as refused", "Caused by: org.apache.http.conn.HttpHostConnectException: Connect to repo.maven.apache.org:443 [repo.maven.apache.org/146.75.28.215] failed: Connection timed out (Connection timed out)",
                        "connect_timeout", "146.75.28.215:443", "github.com/apache/incubator-kie-kogito-runtimes/pull/2566"),
                new Form("netty", "Caused by: io.netty.channel.ConnectTimeoutException: connection timed out after 30000 ms: github.com/20.205.243.166:443",
                        "connect_timeout", "20.205.243.166:443", "github.com/halo-sigs/plugin-links/issues/100"),
                new Form("netty refused", "io.netty.channel.AbstractChannel$AnnotatedConnectException: finishConnect(..) failed: Connection refused: localhost/127.0.0.1:50158",
                        "connection_refused", "127.0.0.1:50158", "github.com/camunda/camunda/issues/9740"),
                new Form("jdk no route", "INFO  o.a.http.impl.execchain.RetryExec - I/O exception (java.net.NoRouteToHostException) caught when processing request to {}->http://192.168.1.112:8080: Host is unreachable (Host unreachable)",
                        "no_route_to_host", "192.168.1.112:8080", "github.com/opencast/opencast-docker/issues/136"),
                new Form("jdk unknown host", "Error testing connection https://kubernetes.default: java.net.UnknownHostException: kubernetes.default: Name does not resolve",
                        "unknown_host", "kubernetes.default", "github.com/kubernetes/kubernetes/issues/59783"),
                // Python
                new Form("urllib3", "urllib3.exceptions.ConnectTimeoutError: (<urllib3.connection.HTTPConnection object at 0x0000012798F98590>, 'Connection to 192.168.1.111 timed out. (connect timeout=None)')",
                        "connect_timeout", "192.168.1.111", "github.com/McCloudS/subgen/issues/58"),
                new Form("requests", "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.vimeo.com', port=443): Max retries exceeded with url: /videos/422310872 (Caused by ConnectTimeoutError(<urllib3.connection.VerifiedHTTPSConnection object at 0x7f7a69f096a0>, 'Connection to api.vimeo.com timed out. (connect timeout=1)'))",
                        "connect_timeout", "api.vimeo.com:443", "github.com/vimeo/vimeo.py/issues/158"),
                new Form("requests refused", "HTTPConnectionPool(host='164.52.196.65', port=8888): Max retries exceeded with url: / (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7fc1089f04a8>: Failed to establish a new connection: [Errno 111] Connection refused',))",
                        "connection_refused", "164.52.196.65:8888", "github.com/dmis-lab/bern/issues/42"),
                new Form("botocore", "botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: \"https://ec2.us-west-2.amazonaws.com/\"",
                        "connect_timeout", "ec2.us-west-2.amazonaws.com", "github.com/aws/aws-cli/issues/6450"),
                new Form("botocore endpoint", "botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: \"https://sts.amazonaws.com/\"",
                        "connect_failed", "sts.amazonaws.com", "github.com/nccgroup/Scout2/issues/196"),
                // curl
                new Form("curl new", "curl: (28) Failed to connect to get.helm.sh port 443 after 131095 ms: Connection timed out",
                        "connect_timeout", "get.helm.sh:443", "github.com/helm/helm/issues/31373"),
                new Form("curl timeout reached", "curl: (28) Failed to connect to www.google.com port 81 after 5006 ms: Timeout was reached",
                        "connect_timeout", "www.google.com:81", "github.com/curl/curl/issues/18484"),
                new Form("curl refused", "curl: (7) Failed to connect to localhost port 9200: Connection refused",
                        "connection_refused", "localhost:9200", "github.com/elastic/elasticsearch/issues/42110"),
                new Form("curl no route", "returned: 7 - Failed to connect to 96.9.69.230 port 53281: No route to host time:0.224073",
                        "no_route_to_host", "96.9.69.230:53281", "github.com/curl/curl/issues/3602"),
                // Node
                new Form("node timeout", "FetchError: request to https://webhook.example.io/hooks/deploymentTest failed, reason: connect ETIMEDOUT 13.110.0.73:443",
                        "connect_timeout", "13.110.0.73:443", "github.com/joelwmale/webhook-action/issues/145"),
                new Form("node refused", "Error: connect ECONNREFUSED 127.0.0.1:5001", "connection_refused", "127.0.0.1:5001",
                        "github.com/expressjs/express/issues/4098"),
                new Form("node dns", "fetchPackageMetaData Error: getaddrinfo ENOTFOUND registry.npmjs.org registry.npmjs.org:443",
                        "unknown_host", "registry.npmjs.org:443", "github.com/npm/npm/issues/16102"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void eachFormGivesItsSignatureAndTarget(Form f) {
        Event.Builder b = Event.builder(Source.LOG, "log").id("x").provenance(new Provenance("f", -1, 1));
        FailureSignatures.apply(f.text(), b);
        Event e = b.build();
        assertThat(e.errors()).as(f.source()).contains(f.signature());
        List<String> targets = e.targets();
        if (f.target() == null) {
            assertThat(targets).as(f.source()).isEmpty();
        } else {
            assertThat(targets).as(f.source()).isNotEmpty();
            assertThat(targets.get(0)).as(f.source()).isEqualTo(f.target());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aFailureNeverGetsTheCatchAllBesideASpecificSignature(Form f) {
        Event.Builder b = Event.builder(Source.LOG, "log").id("x").provenance(new Provenance("f", -1, 1));
        FailureSignatures.apply(f.text(), b);
        List<String> errors = b.build().errors();
        assertThat(errors.contains("connect_failed") && errors.size() > 1).as(errors.toString()).isFalse();
    }
}
