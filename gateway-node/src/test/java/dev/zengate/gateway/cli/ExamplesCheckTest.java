package dev.zengate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example configuration in the repository passes {@code check} once the files it names exist:
 * the README sends operators to them, so they must be right. The repository's examples are copied
 * into a scratch tree where the test makes those files (certificates, keys, secret).
 */
class ExamplesCheckTest {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir static Path tree;

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @BeforeAll
  static void filesTheExamplesName() throws Exception {
    Path examples = Files.createDirectories(tree.resolve("examples"));
    for (String name : examples().toList()) {
      Files.copy(EXAMPLES.resolve(name), examples.resolve(name));
    }
    // gateway-reference.yaml
    TestPki pki = new TestPki(examples.resolve("pki"));
    Issued bank = pki.rootCa("bank-root");
    Issued partner = pki.rootCa("partner-root");
    pki.server(bank, "server", TestPki.KeyType.EC_P256, List.of("zengin.example.jp"), List.of());
    Issued client = pki.client(partner, "client");
    openssl(
        "pkcs12",
        "-export",
        "-in",
        client.certFile().toString(),
        "-inkey",
        client.keyFile().toString(),
        "-out",
        examples.resolve("pki/client.p12").toString(),
        "-passout",
        "pass:changeit");
    Files.writeString(examples.resolve("pair.secret"), "a-pair-secret-of-enough-length\n");
    // gateway-node-a.yaml and -b.yaml: the demo PKI that ./zengate start makes under var/.
    TestPki demo = new TestPki(tree.resolve("var/demo-pki"));
    Issued demoCa = demo.rootCa("ca");
    demo.server(demoCa, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleConfigurationPassesCheck(String name) {
    CheckCommandTest.Result result = CheckCommandTest.check(tree.resolve("examples").resolve(name));
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.out().startsWith("configuration OK"), result.out());
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
  }
}
