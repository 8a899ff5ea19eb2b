import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the latency of the management API's list, search and detail calls against a seeded
 * database: java ApiLatency.java BASE_URL ADMIN_PASSWORD PAIRS CERTIFICATES REQUESTS FIRST_PAIR_ID
 * FIRST_CERTIFICATE_ID (the seed makes contiguous ids).
 * One client, sequential requests after a warm-up; prints p50/p95/p99 per call.
 */
public class ApiLatency {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String password = args[1];
    int pairs = Integer.parseInt(args[2]);
    int certificates = Integer.parseInt(args[3]);
    int requests = Integer.parseInt(args[4]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String basic =
        "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> issued =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/me/tokens"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued.body());
    if (!token.find()) {
      throw new IllegalStateException("no token: " + issued.statusCode() + " " + issued.body());
    }
    String bearer = "Bearer " + token.group(1);
    long firstPair = Long.parseLong(args[5]);
    long firstCertificate = Long.parseLong(args[6]);

    Map<String, IntFunction<String>> calls = new LinkedHashMap<>();
    calls.put("list pairs (100)", i -> "/api/pairs?limit=100&offset=" + random(pairs - 100));
    calls.put("search pairs", i -> "/api/pairs?q=site-" + random(50) + "-&limit=100");
    calls.put("pair detail", i -> "/api/pairs/" + (firstPair + random(pairs)));
    calls.put("list certificates (100)", i -> "/api/certificates?limit=100&offset=" + random(certificates - 100));
    calls.put("search certificates", i -> "/api/certificates?q=bank-" + String.format("%05d", random(certificates)));
    calls.put("certificates expiring in 30 days", i -> "/api/certificates?expiringWithinDays=30&limit=100");
    calls.put("certificate detail", i -> "/api/certificates/" + (firstCertificate + random(certificates)));
    calls.put("audit page (100)", i -> "/api/audit?limit=100");

    System.out.printf("%-34s %9s %9s %9s %9s%n", "call (bearer token)", "p50 ms", "p95 ms", "p99 ms", "goal p95");
    for (Map.Entry<String, IntFunction<String>> call : calls.entrySet()) {
      List<Double> millis = measure(http, base, bearer, call.getValue(), requests);
      System.out.printf(
          "%-34s %9.1f %9.1f %9.1f %9s%n",
          call.getKey(), percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), "< 100");
    }
    List<Double> basicMillis = measure(http, base, basic, i -> "/api/pairs/" + firstPair, Math.max(20, requests / 10));
    System.out.printf(
        "%-34s %9.1f %9.1f %9.1f %9s%n",
        "pair detail, HTTP Basic (Argon2id)", percentile(basicMillis, 50), percentile(basicMillis, 95), percentile(basicMillis, 99), "-");
  }

  private static List<Double> measure(
      HttpClient http, String base, String authorization, IntFunction<String> path, int requests) throws Exception {
    for (int i = 0; i < Math.max(10, requests / 5); i++) {
      send(http, base + path.apply(i), authorization);
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      send(http, base + path.apply(i), authorization);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  private static void send(HttpClient http, String url, String authorization) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(Math.max(1, bound));
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
