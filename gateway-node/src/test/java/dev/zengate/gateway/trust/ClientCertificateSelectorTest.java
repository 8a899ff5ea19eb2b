package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.identity.AddressRange;
import dev.zengate.gateway.trust.identity.ClientCertificateRule;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector.Identity;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLEngine;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** F5: the client certificate chosen by destination/source rule or by CertificateRequest. */
class ClientCertificateSelectorTest {

  @TempDir static Path dir;

  static Cert rootA;
  static Cert rootB;
  static Cert server;
  static Map<String, Identity> identities = new LinkedHashMap<>();

  @BeforeAll
  static void pki() throws Exception {
    Pki pki = new Pki(dir);
    rootA = pki.root("Bank A Root");
    rootB = pki.root("Bank B Root");
    server = pki.issue(spec("zengin.bank-b.example").issuer(rootB).dns("zengin.bank-b.example"));
    Cert a = pki.issue(spec("our-id-at-a").issuer(rootA).eku(KeyPurposeId.id_kp_clientAuth));
    Cert b = pki.issue(spec("our-id-at-b").issuer(rootB).eku(KeyPurposeId.id_kp_clientAuth));
    identities.put("for-a", new Identity(List.of(a.cert(), rootA.cert()), a.key()));
    identities.put("for-b", new Identity(List.of(b.cert(), rootB.cert()), b.key()));
  }

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void firstMatchingRuleWinsThenCertificateRequestThenNone() throws Exception {
    ClientCertificateSelector selector =
        new ClientCertificateSelector(
            identities,
            List.of(
                new ClientCertificateRule(
                    AddressRange.parse("192.0.2.0/24"), AddressRange.ANY, "for-a"),
                new ClientCertificateRule(
                    AddressRange.ANY, AddressRange.parse("10.9.0.0/16"), "for-b")),
            null,
            true);
    Set<X500Principal> askB = Set.of(rootB.cert().getSubjectX500Principal());
    assertEquals("for-a", selector.choose(ip("192.0.2.7"), ip("10.9.1.1"), askB, "EC"));
    assertEquals("for-b", selector.choose(ip("198.51.100.1"), ip("10.9.1.1"), Set.of(), "EC"));
    assertEquals("for-b", selector.choose(ip("198.51.100.1"), ip("10.1.1.1"), askB, "EC"));
    Set<X500Principal> askOther = Set.of(new X500Principal("CN=Somebody Else"));
    assertNull(selector.choose(ip("198.51.100.1"), ip("10.1.1.1"), askOther, "EC"));
    assertNull(selector.choose(ip("198.51.100.1"), ip("10.1.1.1"), askB, "RSA"));
  }

  @Test
  void ruleWithBothSidesAnyIsRefused() throws Exception {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ClientCertificateRule(AddressRange.ANY, AddressRange.parse("any"), "for-a"));
    assertEquals(
        "client certificate rule for 'for-a': destination and source cannot both be 'any'",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("bank.example"));
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/33"));
    assertTrue(AddressRange.parse("2001:db8::/32").contains(ip("2001:db8:1::1")));
    assertTrue(!AddressRange.parse("2001:db8::/32").contains(ip("2001:db9::1")));
    assertTrue(!AddressRange.parse("192.0.2.0/25").contains(ip("192.0.2.200")));
  }

  @ParameterizedTest
  @EnumSource(
      value = SslProvider.class,
      names = {"JDK", "OPENSSL"})
  void handshakePresentsTheCertificateTheServerAsksFor(SslProvider provider) throws Exception {
    if (provider == SslProvider.OPENSSL) {
      Assumptions.assumeTrue(OpenSsl.isAvailable(), "netty-tcnative not available here");
    }
    List<Verdict> seenByServer = new CopyOnWriteArrayList<>();
    // The server trusts only Bank B's root, so its CertificateRequest names CN=Bank B Root.
    SslContext serverContext =
        SslContextBuilder.forServer(server.key(), server.cert())
            .sslProvider(SslProvider.JDK)
            .clientAuth(ClientAuth.REQUIRE)
            .trustManager(
                new ValidatingTrustManager(
                    new PathValidator(
                        new TrustSet(List.of(rootB.cert()), List.of()),
                        TrustPolicy.DEFAULT,
                        RevocationChecker.NONE),
                    null,
                    null,
                    seenByServer::add))
            .build();
    ClientCertificateSelector automatic =
        new ClientCertificateSelector(identities, List.of(), null, true);
    SslContext clientContext =
        SslContextBuilder.forClient()
            .sslProvider(provider)
            .keyManager(automatic)
            .trustManager(rootB.cert())
            .endpointIdentificationAlgorithm(null)
            .build();
    String[] errors = ValidatingTrustManagerTest.handshake(clientContext, serverContext);
    assertNull(errors[0], () -> "client: " + seenByServer);
    assertNull(errors[1], () -> "server: " + seenByServer);
    assertEquals("CN=our-id-at-b", Certificates.name(seenByServer.get(0).path().get(0)));

    // A destination rule overrides the CertificateRequest: Bank B's server then refuses us.
    ClientCertificateSelector ruled =
        new ClientCertificateSelector(
            identities,
            List.of(
                new ClientCertificateRule(
                    AddressRange.parse("203.0.113.5"), AddressRange.ANY, "for-a")),
            null,
            true);
    SslContext ruledContext =
        SslContextBuilder.forClient()
            .sslProvider(provider)
            .keyManager(ruled)
            .trustManager(rootB.cert())
            .endpointIdentificationAlgorithm(null)
            .build();
    SSLEngine clientEngine = ruledContext.newEngine(ByteBufAllocator.DEFAULT, "203.0.113.5", 5020);
    ruled.bind(clientEngine, ip("203.0.113.5"), ip("10.0.0.1"));
    errors =
        ValidatingTrustManagerTest.handshake(
            clientEngine, serverContext.newEngine(ByteBufAllocator.DEFAULT));
    assertTrue(errors[1] != null, "the server must refuse Bank A's certificate");
    Verdict refused = seenByServer.get(seenByServer.size() - 1);
    assertEquals(RejectionKind.UNKNOWN_ISSUER, refused.kind());
    assertEquals(
        "unknown issuer: the chain of CN=our-id-at-a ends at CN=Bank A Root,"
            + " which is self-signed and not a trust anchor",
        refused.reason());
  }
}
