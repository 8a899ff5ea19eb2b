package dev.zengate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.testsupport.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener names its validation relaxations; an unknown name stops the configuration. */
class X509ValidationConfigTest {

  @TempDir static Path dir;

  @BeforeAll
  static void makePki() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    TestPki.Issued ca = pki.rootCa("relax-ca");
    pki.server(ca, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of());
  }

  private static String config(String relax) {
    return """
        node:
          name: relax-node
        certificates:
          srv:
            chain: pki/server-chain.crt
            key: pki/server.key
        trust:
          cas:
            caFiles: [pki/relax-ca.crt]
        listeners:
          - name: out
            mode: client
            bind: 127.0.0.1:40011
            target: 127.0.0.1:5020
            upstreamTls:
              trust: cas
              validation:
                relax: [%s]
        """
        .formatted(relax);
  }

  private static int check(String yaml, StringWriter err) throws Exception {
    Path file = Files.writeString(dir.resolve("relax.yaml"), yaml);
    return GatewayCommand.execute(
        new PrintWriter(new StringWriter()),
        new PrintWriter(err),
        "check",
        "--config",
        file.toString());
  }

  @Test
  void knownRelaxationIsAccepted() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(0, check(config("missing-key-identifiers, leaf-without-eku"), err), err::toString);
  }

  @Test
  void unknownRelaxationIsRejectedListingTheKnownOnes() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(2, check(config("missing-key-identifiers, lenient"), err));
    assertTrue(
        err.toString()
            .contains(
                "listeners[0].upstreamTls.validation.relax[1]: unknown relaxation 'lenient'"
                    + " (known: missing-key-identifiers, leaf-without-eku, legacy-root-profile,"
                    + " nonconforming-serial)"),
        err::toString);
  }
}
