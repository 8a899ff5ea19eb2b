package dev.zengate.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.config.TlsProviderKind;
import dev.zengate.gateway.config.TlsVersion;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Default suites: AEAD only, unless a listener enables TLS 1.0/1.1 for old internal clients. */
class CipherSuitePolicyTest {

  @ParameterizedTest
  @EnumSource(TlsProviderKind.class)
  void defaultListenerGetsAeadSuitesOnly(TlsProviderKind provider) {
    List<String> suites =
        CipherSuitePolicy.resolve(List.of(), provider, TlsVersion.DEFAULTS, "RSA");
    assertTrue(
        suites.stream().allMatch(s -> s.contains("_GCM_") || s.contains("CHACHA20_POLY1305")),
        suites.toString());
  }

  @ParameterizedTest
  @EnumSource(TlsProviderKind.class)
  void legacyVersionsAddCbcShaSuitesAfterTheAeadOnes(TlsProviderKind provider) {
    List<String> suites =
        CipherSuitePolicy.resolve(
            List.of(), provider, List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_2), "RSA");
    // Every legacy default is available on both providers: none is silently dropped.
    assertEquals(
        CipherSuitePolicy.LEGACY_DEFAULTS,
        suites.subList(suites.size() - CipherSuitePolicy.LEGACY_DEFAULTS.size(), suites.size()));
    assertEquals(CipherSuitePolicy.DEFAULT_TLS12, suites.subList(0, 6));
  }
}
