package dev.zengate.gateway.trust.cli;

import dev.zengate.gateway.trust.Certificates;
import dev.zengate.gateway.trust.MalformedCertificateException;
import dev.zengate.gateway.trust.PathValidator;
import dev.zengate.gateway.trust.Purpose;
import dev.zengate.gateway.trust.RejectionKind;
import dev.zengate.gateway.trust.TrustParsers;
import dev.zengate.gateway.trust.TrustPolicy;
import dev.zengate.gateway.trust.TrustSet;
import dev.zengate.gateway.trust.UnusableInputException;
import dev.zengate.gateway.trust.Verdict;
import dev.zengate.gateway.trust.profile.Relaxation;
import dev.zengate.gateway.trust.revocation.CrlIndex;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import dev.zengate.gateway.trust.revocation.RevocationMode;
import dev.zengate.gateway.trust.revocation.RevocationPolicy;
import dev.zengate.gateway.trust.revocation.RevocationService;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: runs the gateway's own chain validation, revocation included, on certificate
 * files and says ACCEPT or REJECT with the reason. Operators use it to answer "why was this partner
 * refused?". Exit 0 ACCEPT, 1 REJECT, 2 unusable input.
 */
@Command(
    name = "verify",
    description =
        "Validate a certificate chain exactly as the gateway does and print ACCEPT or REJECT with"
            + " the reason (exit 0 accept, 1 reject, 2 unusable input).")
public final class VerifyCommand implements Callable<Integer> {

  public static final int ACCEPT = 0;
  public static final int REJECT = 1;
  public static final int UNUSABLE = 2;

  @Option(
      names = "--trust",
      required = true,
      description = "Trust anchors (PEM bundle or DER); non-self-signed ones act as anchors too.")
  Path trust;

  @Option(
      names = "--chain",
      required = true,
      description = "The peer's certificate, followed by any intermediates it sends (PEM or DER).")
  Path chain;

  @Option(names = "--intermediates", description = "Locally configured intermediate CAs.")
  Path intermediates;

  @Option(
      names = "--time",
      description =
          "Validate at this time (ISO-8601, e.g. 2026-01-02T09:00:00+09:00); now if absent.")
  String time;

  @Option(
      names = "--name",
      description = "Host name or IP address the server certificate must carry.")
  String name;

  @Option(
      names = "--purpose",
      defaultValue = "server",
      description = "server (serverAuth) or client (clientAuth); default ${DEFAULT-VALUE}.")
  String purpose;

  @Option(
      names = "--revocation",
      description = "none, ocsp, crl or both; none unless --crl is given (then crl).")
  String revocation;

  @Option(names = "--crl", description = "A CRL file to use instead of fetching (PEM or DER).")
  List<Path> crlFiles = new ArrayList<>();

  @Option(
      names = "--proxy",
      description = "HTTP proxy for OCSP and CRL fetching, http://host:port.")
  String proxy;

  @Option(names = "--ocsp-url", description = "OCSP responder to ask instead of the AIA one.")
  String ocspUrl;

  @Option(names = "--crl-url", description = "CRL URL to fetch instead of the distribution point.")
  String crlUrl;

  @Option(names = "--soft-fail", description = "Accept when revocation status cannot be obtained.")
  boolean softFail;

  @Option(
      names = "--accept-without-location",
      description = "Accept certificates naming no OCSP responder / CRL distribution point.")
  boolean acceptWithoutLocation;

  @Option(names = "--leaf-only", description = "Check revocation of the peer certificate only.")
  boolean leafOnly;

  @Option(names = "--allow-rsa-1024", description = "Accept 1024-bit RSA keys (legacy partners).")
  boolean allowRsa1024;

  @Option(
      names = "--relax",
      split = ",",
      description =
          "Strict-profile rules to relax, as a listener's validation.relax does (repeatable or"
              + " comma-separated): missing-key-identifiers, leaf-without-eku,"
              + " legacy-root-profile, nonconforming-serial.")
  List<String> relax = new ArrayList<>();

  @Option(
      names = "--timeout",
      defaultValue = "5",
      description = "Seconds one OCSP or CRL fetch may take; default ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Verdict verdict = run();
      if (verdict.accepted()) {
        out.println("ACCEPT: " + describePath(verdict.path()));
        for (String warning : verdict.warnings()) {
          out.println("  warning: " + warning);
        }
        out.flush();
        return ACCEPT;
      }
      out.println("REJECT: " + verdict.reason());
      out.flush();
      return REJECT;
    } catch (UnusableInputException e) {
      err.println("unusable input: " + e.getMessage());
      err.flush();
      return UNUSABLE;
    }
  }

  private Verdict run() throws UnusableInputException {
    Purpose purposeValue = parsePurpose();
    Instant at = parseTime();
    RevocationMode mode = parseMode();
    if (timeoutSeconds <= 0) {
      throw new UnusableInputException("--timeout must be a positive number of seconds");
    }
    TrustPolicy policy = policy();
    List<X509Certificate> anchors = TrustParsers.certificates(trust);
    List<X509Certificate> presented;
    List<X509Certificate> extra;
    try {
      presented = TrustParsers.certificates(chain);
      extra = intermediates == null ? List.of() : TrustParsers.certificates(intermediates);
    } catch (MalformedCertificateException e) {
      // What a peer sends is judged, not refused as unusable: a malformed certificate is a REJECT.
      return Verdict.reject(RejectionKind.MALFORMED, e.getMessage());
    }
    List<CrlIndex> crls = new ArrayList<>();
    for (Path file : crlFiles) {
      crls.add(TrustParsers.crl(file));
    }
    TrustSet trustSet = withIntermediates(TrustSet.fromBundle(anchors), extra);
    if (mode == RevocationMode.NONE) {
      return new PathValidator(trustSet, policy, RevocationChecker.NONE)
          .validate(presented, purposeValue, name, at);
    }
    RevocationPolicy revocationPolicy;
    try {
      revocationPolicy =
          RevocationPolicy.of(mode)
              .withSoftFail(softFail)
              .withAcceptWithoutLocation(acceptWithoutLocation)
              .withLeafOnly(leafOnly)
              .withOcspUrl(url("--ocsp-url", ocspUrl))
              .withCrlUrl(url("--crl-url", crlUrl))
              .withProxy(url("--proxy", proxy))
              .withTimeout(Duration.ofSeconds(timeoutSeconds));
    } catch (IllegalArgumentException e) {
      throw new UnusableInputException(e.getMessage(), e);
    }
    try (RevocationService service = new RevocationService(revocationPolicy, null, crls, null)) {
      return new PathValidator(trustSet, policy, service)
          .validate(presented, purposeValue, name, at);
    }
  }

  private TrustPolicy policy() throws UnusableInputException {
    TrustPolicy base = allowRsa1024 ? TrustPolicy.allowingRsa1024() : TrustPolicy.DEFAULT;
    try {
      return base.relaxing(Relaxation.parseAll(relax));
    } catch (IllegalArgumentException e) {
      throw new UnusableInputException("--relax: " + e.getMessage(), e);
    }
  }

  private static TrustSet withIntermediates(TrustSet base, List<X509Certificate> extra) {
    if (extra.isEmpty()) {
      return base;
    }
    List<X509Certificate> all = new ArrayList<>(base.intermediates());
    all.addAll(extra);
    return new TrustSet(base.anchors(), all);
  }

  private Purpose parsePurpose() throws UnusableInputException {
    return switch (purpose.toLowerCase(Locale.ROOT)) {
      case "server" -> Purpose.SERVER;
      case "client" -> Purpose.CLIENT;
      default ->
          throw new UnusableInputException(
              "--purpose must be server or client, was '" + purpose + "'");
    };
  }

  private RevocationMode parseMode() throws UnusableInputException {
    if (revocation == null) {
      return crlFiles.isEmpty() ? RevocationMode.NONE : RevocationMode.CRL;
    }
    RevocationMode mode;
    try {
      mode = RevocationMode.valueOf(revocation.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UnusableInputException(
          "--revocation must be none, ocsp, crl or both, was '" + revocation + "'");
    }
    if (!crlFiles.isEmpty() && (mode == RevocationMode.NONE || mode == RevocationMode.OCSP)) {
      throw new UnusableInputException("--crl needs --revocation crl or both");
    }
    return mode;
  }

  private Instant parseTime() throws UnusableInputException {
    if (time == null) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(time).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new UnusableInputException(
            "--time must be ISO-8601 such as 2026-01-02T09:00:00Z or 2026-01-02, was '"
                + time
                + "'");
      }
    }
  }

  private static URI url(String option, String text) throws UnusableInputException {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new UnusableInputException(option + " must be an http URL, was '" + text + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new UnusableInputException(option + " is not a URL: " + e.getMessage());
    }
  }

  private static String describePath(List<X509Certificate> path) {
    List<String> names = new ArrayList<>();
    for (X509Certificate cert : path) {
      names.add(Certificates.name(cert));
    }
    return String.join(" <- ", names);
  }
}
