package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import dev.zengate.gateway.trust.revocation.RevocationOutcome;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real TLS handshakes (engine to engine, in memory) with the validator as trust manager, on both
 * providers: the engine under test uses the provider given, its peer is always the JDK's so that
 * the alert it receives can be read. A revoked server certificate must produce {@code
 * certificate_revoked} on both providers (F13).
 */
class ValidatingTrustManagerTest {

  @TempDir static Path dir;

  static Cert root;
  static Cert server;
  static Cert client;
  static TrustSet trust;

  @BeforeAll
  static void pki() throws Exception {
    Pki pki = new Pki(dir);
    root = pki.root("Handshake Root");
    server =
        pki.issue(
            spec("gw-partner.example")
                .issuer(root)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .dns("gw-partner.example"));
    client = pki.issue(spec("bank-client").issuer(root).eku(KeyPurposeId.id_kp_clientAuth));
    trust = new TrustSet(List.of(root.cert()), List.of());
  }

  private static final RevocationChecker REVOKED =
      (path, at) ->
          RevocationOutcome.reject(
              RejectionKind.REVOKED,
              "certificate " + Certificates.name(path.get(0)) + " was revoked (test)");

  private static ValidatingTrustManager manager(
      RevocationChecker revocation, String name, List<Verdict> seen) {
    return new ValidatingTrustManager(
        new PathValidator(trust, TrustPolicy.DEFAULT, revocation), name, null, seen::add);
  }

  private static void assumeProvider(SslProvider provider) {
    if (provider == SslProvider.OPENSSL) {
      Assumptions.assumeTrue(OpenSsl.isAvailable(), "netty-tcnative not available here");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = SslProvider.class,
      names = {"JDK", "OPENSSL"})
  void virtualClientAcceptsAGoodServerAndAbortsARevokedOneWithCertificateRevoked(
      SslProvider provider) throws Exception {
    assumeProvider(provider);
    SslContext serverContext =
        SslContextBuilder.forServer(server.key(), server.cert(), root.cert())
            .sslProvider(SslProvider.JDK)
            .build();

    List<Verdict> seen = new CopyOnWriteArrayList<>();
    SslContext good =
        SslContextBuilder.forClient()
            .sslProvider(provider)
            .trustManager(manager(RevocationChecker.NONE, "gw-partner.example", seen))
            .build();
    String[] errors = handshake(good, serverContext);
    assertNull(errors[0]);
    assertNull(errors[1]);
    assertTrue(seen.get(0).accepted());

    SslContext revoked =
        SslContextBuilder.forClient()
            .sslProvider(provider)
            .trustManager(manager(REVOKED, "gw-partner.example", seen))
            .build();
    errors = handshake(revoked, serverContext);
    assertNotNull(errors[0], "the client must fail");
    assertTrue(errors[1].contains("certificate_revoked"), "server saw: " + errors[1]);
    assertEquals(RejectionKind.REVOKED, seen.get(1).kind());
  }

  @ParameterizedTest
  @EnumSource(
      value = SslProvider.class,
      names = {"JDK", "OPENSSL"})
  void virtualServerChecksClientCertificatesAndNamesTheProblem(SslProvider provider)
      throws Exception {
    assumeProvider(provider);
    SslContext clientContext =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .keyManager(client.key(), client.cert(), root.cert())
            .trustManager(root.cert())
            .build();
    List<Verdict> seen = new CopyOnWriteArrayList<>();
    SslContext good =
        SslContextBuilder.forServer(server.key(), server.cert(), root.cert())
            .sslProvider(provider)
            .clientAuth(ClientAuth.REQUIRE)
            .trustManager(manager(RevocationChecker.NONE, null, seen))
            .build();
    String[] errors = handshake(clientContext, good);
    assertNull(errors[1], () -> "server failed: " + seen);
    assertTrue(seen.get(0).accepted());
    assertEquals(client.cert(), seen.get(0).path().get(0));

    SslContext revoked =
        SslContextBuilder.forServer(server.key(), server.cert(), root.cert())
            .sslProvider(provider)
            .clientAuth(ClientAuth.REQUIRE)
            .trustManager(manager(REVOKED, null, seen))
            .build();
    errors = handshake(clientContext, revoked);
    assertNotNull(errors[1], "the server must fail");
    // The JDK's server side sends certificate_unknown for every client-certificate failure
    // (sun.security.ssl.CertificateMessage); OpenSSL sends the alert the cause asks for.
    String alert = provider == SslProvider.OPENSSL ? "certificate_revoked" : "certificate_unknown";
    assertTrue(errors[0].contains("Received fatal alert: " + alert), "client saw: " + errors[0]);
    assertEquals(
        "certificate CN=bank-client was revoked (test)", seen.get(seen.size() - 1).reason());
  }

  /** Runs a handshake in memory; returns the client's and the server's first error, or nulls. */
  static String[] handshake(SslContext clientContext, SslContext serverContext) throws Exception {
    return handshake(
        clientContext.newEngine(ByteBufAllocator.DEFAULT, "gw-partner.example", 443),
        serverContext.newEngine(ByteBufAllocator.DEFAULT));
  }

  /** As above with engines made by the caller; releases them. */
  static String[] handshake(SSLEngine clientEngine, SSLEngine serverEngine) throws Exception {
    try {
      String[] errors = new String[2];
      ByteBuffer toServer = ByteBuffer.allocate(1 << 18);
      ByteBuffer toClient = ByteBuffer.allocate(1 << 18);
      ByteBuffer app = ByteBuffer.allocate(1 << 18);
      ByteBuffer empty = ByteBuffer.allocate(0);
      clientEngine.beginHandshake();
      serverEngine.beginHandshake();
      for (int i = 0; i < 60; i++) {
        step(clientEngine, serverEngine, toServer, app, empty, errors, 0);
        step(serverEngine, clientEngine, toClient, app, empty, errors, 1);
        boolean bothDone =
            errors[0] == null
                && errors[1] == null
                && idle(clientEngine)
                && idle(serverEngine)
                && toServer.position() == 0
                && toClient.position() == 0;
        if (bothDone || (errors[0] != null && errors[1] != null)) {
          break;
        }
      }
      return errors;
    } finally {
      ReferenceCountUtil.release(clientEngine);
      ReferenceCountUtil.release(serverEngine);
    }
  }

  private static boolean idle(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }

  /** {@code from} wraps what it has, {@code to} unwraps it; errors are recorded per side. */
  private static void step(
      SSLEngine from,
      SSLEngine to,
      ByteBuffer net,
      ByteBuffer app,
      ByteBuffer empty,
      String[] errors,
      int fromIndex) {
    int toIndex = 1 - fromIndex;
    try {
      if (!from.isOutboundDone()) {
        from.wrap(empty, net);
        runTasks(from);
      }
    } catch (SSLException e) {
      record(errors, fromIndex, e);
    }
    net.flip();
    try {
      while (net.hasRemaining() && !to.isInboundDone()) {
        app.clear();
        var result = to.unwrap(net, app);
        runTasks(to);
        if (result.bytesConsumed() == 0) {
          break;
        }
      }
    } catch (SSLException e) {
      record(errors, toIndex, e);
      net.clear();
      return;
    }
    net.compact();
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  private static void record(String[] errors, int index, Throwable e) {
    if (errors[index] != null) {
      return;
    }
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    errors[index] = String.join(" / ", messages);
  }
}
