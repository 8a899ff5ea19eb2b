package dev.zengate.management.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EAR the build produced, deployed into a full Payara Server 6 domain started by the test,
 * answers the same health check as the WAR on Payara Micro: one packaging, same modules.
 */
class PayaraServerDeploymentIT {

  @TempDir Path workDir;

  @Test
  void earDeployedOnPayaraServerReportsHealthyDatabase() throws Exception {
    Path home = Path.of(System.getProperty("payara.server.home"));
    Path ear = Path.of(System.getProperty("zengate.ear"));

    try (PayaraServerDomain domain = PayaraServerDomain.create(home, workDir)) {
      domain.start();
      domain.deploy(ear);

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + domain.httpPort() + "/api/health"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(200, health.statusCode(), health.body());
      // UP means the database answered and its schema is current; an anonymous caller is told
      // no more than that.
      assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }
  }
}
