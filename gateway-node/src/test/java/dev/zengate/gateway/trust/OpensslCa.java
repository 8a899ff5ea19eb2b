package dev.zengate.gateway.trust;

import dev.zengate.gateway.trust.Pki.Cert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CA side of the revocation tests, done by the real openssl: an index.txt database, CRLs made
 * by {@code openssl ca -gencrl}, and OCSP responses made by {@code openssl ocsp -index}. The
 * responder runs in openssl's file mode ({@code -reqin/-respout}) behind a loopback HTTP server,
 * because openssl 3.0's own {@code -port} listener binds every interface and tests must listen on
 * 127.0.0.1 only.
 */
final class OpensslCa {

  private static final DateTimeFormatter INDEX_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CRL_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Cert ca;
  private final Path dir;
  private final Path index;
  private final List<String> lines = new ArrayList<>();

  OpensslCa(Cert ca, Path dir) throws IOException {
    this.ca = ca;
    this.dir = Files.createDirectories(dir);
    this.index = dir.resolve("index.txt");
    Files.writeString(dir.resolve("crlnumber"), "1000\n");
    Files.writeString(
        dir.resolve("ca.cnf"),
        "[ ca ]\ndefault_ca = test\n[ test ]\ndatabase = "
            + index
            + "\ncrlnumber = "
            + dir.resolve("crlnumber")
            + "\ndefault_md = sha256\ndefault_crl_days = 1\n");
    write();
  }

  Cert ca() {
    return ca;
  }

  synchronized void valid(Cert cert) throws IOException {
    lines.add(
        String.join(
            "\t",
            "V",
            INDEX_TIME.format(cert.cert().getNotAfter().toInstant()),
            "",
            cert.serialHex(),
            "unknown",
            "/CN=" + cert.cn()));
    write();
  }

  synchronized void revoke(Cert cert, Instant at, String reason) throws IOException {
    lines.removeIf(line -> line.split("\t")[3].equals(cert.serialHex()));
    lines.add(
        String.join(
            "\t",
            "R",
            INDEX_TIME.format(cert.cert().getNotAfter().toInstant()),
            INDEX_TIME.format(at) + "," + reason,
            cert.serialHex(),
            "unknown",
            "/CN=" + cert.cn()));
    write();
  }

  /** {@code openssl ca -gencrl} with the given lastUpdate and nextUpdate; returns PEM bytes. */
  byte[] crl(Instant lastUpdate, Instant nextUpdate) throws Exception {
    Path out = Files.createTempFile(dir, "crl-", ".pem");
    run(
        "openssl",
        "ca",
        "-gencrl",
        "-batch",
        "-config",
        dir.resolve("ca.cnf").toString(),
        "-keyfile",
        ca.keyFile().toString(),
        "-cert",
        ca.certFile().toString(),
        "-crl_lastupdate",
        CRL_TIME.format(lastUpdate),
        "-crl_nextupdate",
        CRL_TIME.format(nextUpdate),
        "-out",
        out.toString());
    return Files.readAllBytes(out);
  }

  /** {@code openssl ocsp -index} answering one DER request, signed by {@code signer}. */
  byte[] ocsp(byte[] request, Cert signer, int validMinutes) throws Exception {
    Path req = Files.createTempFile(dir, "req-", ".der");
    Path resp = dir.resolve(req.getFileName() + ".resp");
    Files.write(req, request);
    run(
        "openssl",
        "ocsp",
        "-index",
        index.toString(),
        "-CA",
        ca.certFile().toString(),
        "-rsigner",
        signer.certFile().toString(),
        "-rkey",
        signer.keyFile().toString(),
        "-reqin",
        req.toString(),
        "-respout",
        resp.toString(),
        "-nmin",
        Integer.toString(validMinutes));
    return Files.readAllBytes(resp);
  }

  private void write() throws IOException {
    Files.writeString(index, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
  }

  private synchronized void run(String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("openssl did not finish: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "openssl failed ("
                + process.exitValue()
                + "): "
                + String.join(" ", command)
                + "\n"
                + Files.readString(dir.resolve("openssl.log")));
      }
    } finally {
      process.destroyForcibly();
    }
  }
}
