package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.testsupport.OpensslServer;
import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.identity.AddressRange;
import dev.zengate.gateway.trust.identity.ClientCertificateRule;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector.Identity;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import dev.zengate.gateway.trust.revocation.RevocationOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real {@code openssl s_server -Verify} on 127.0.0.1: the gateway's client side presents
 * the certificate the server's CertificateRequest asks for (F5, and its own identity on behalf of
 * internal clients, F13), and refuses a revoked server with the certificate_revoked alert, which
 * the server logs.
 */
class OpensslServerPeerTest {

  @TempDir static Path dir;

  static OpensslServer server;
  static Cert rootA;
  static Cert rootB;
  static Map<String, Identity> identities = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    Pki pki = new Pki(dir);
    rootA = pki.root("Peer Bank A Root");
    rootB = pki.root("Peer Bank B Root");
    Cert serverCert =
        pki.issue(
            spec("zengin.peer-b.example")
                .issuer(rootB)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .ip("127.0.0.1"));
    Cert a = pki.issue(spec("gateway-at-a").issuer(rootA).eku(KeyPurposeId.id_kp_clientAuth));
    Cert b = pki.issue(spec("gateway-at-b").issuer(rootB).eku(KeyPurposeId.id_kp_clientAuth));
    identities.put("for-a", new Identity(List.of(a.cert()), a.key()));
    identities.put("for-b", new Identity(List.of(b.cert()), b.key()));
    Path chain = pki.bundle("server-chain.pem", serverCert, rootB);
    server =
        OpensslServer.start(
            dir,
            chain,
            serverCert.keyFile(),
            "-CAfile",
            rootB.certFile().toString(),
            "-Verify",
            "2",
            "-tls1_2");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static SSLSocket connect(
      ClientCertificateSelector selector, RevocationChecker revocation, List<Verdict> seen)
      throws Exception {
    ValidatingTrustManager trust =
        new ValidatingTrustManager(
            new PathValidator(
                new TrustSet(List.of(rootB.cert()), List.of()), TrustPolicy.DEFAULT, revocation),
            "127.0.0.1",
            null,
            seen::add);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[] {selector}, new TrustManager[] {trust}, null);
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
    plain.setSoTimeout(5_000);
    return (SSLSocket)
        context.getSocketFactory().createSocket(plain, "127.0.0.1", server.port(), true);
  }

  @Test
  void presentsTheCertificateTheServerAsksForAndTheServerVerifiesIt() throws Exception {
    List<Verdict> seen = new CopyOnWriteArrayList<>();
    try (SSLSocket socket =
        connect(
            new ClientCertificateSelector(identities, List.of(), null, true),
            RevocationChecker.NONE,
            seen)) {
      socket.startHandshake();
      assertEquals("CN=gateway-at-b", socket.getSession().getLocalPrincipal().getName());
    }
    assertTrue(seen.get(0).accepted(), () -> seen.get(0).reason());
    String log = server.awaitLog("gateway-at-b");
    assertTrue(log.contains("CN = gateway-at-b"), log);
  }

  @Test
  void refusesARevokedServerWithCertificateRevoked() throws Exception {
    List<Verdict> seen = new CopyOnWriteArrayList<>();
    RevocationChecker revoked =
        (path, at) ->
            RevocationOutcome.reject(
                RejectionKind.REVOKED,
                "certificate " + Certificates.name(path.get(0)) + " was revoked (test)");
    ClientCertificateSelector ruled =
        new ClientCertificateSelector(
            identities,
            List.of(
                new ClientCertificateRule(
                    AddressRange.parse("127.0.0.1"), AddressRange.ANY, "for-b")),
            null,
            false);
    SSLSocket socket = connect(ruled, revoked, seen);
    try {
      SSLException e = assertThrows(SSLException.class, socket::startHandshake);
      assertTrue(
          String.valueOf(e.getCause()).contains("CN=zengin.peer-b.example was revoked"),
          String.valueOf(e.getCause()));
    } finally {
      try {
        socket.close();
      } catch (IOException alreadyClosed) {
        // The handshake failed: the connection may already be gone.
      }
    }
    assertEquals(RejectionKind.REVOKED, seen.get(0).kind());
    String log = server.awaitLog("certificate revoked");
    assertTrue(log.contains("alert certificate revoked"), log);
  }
}
