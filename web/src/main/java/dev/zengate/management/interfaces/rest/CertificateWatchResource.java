package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.CertificateNotifications;
import dev.zengate.management.application.CertificateWatch;
import dev.zengate.management.application.ChannelTests;
import dev.zengate.management.application.NotificationDeliveries;
import dev.zengate.management.application.WatchSettingsSpec;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.interfaces.rest.dto.CertificateNotificationView;
import dev.zengate.management.interfaces.rest.dto.CertificateWatchView;
import dev.zengate.management.interfaces.rest.dto.ChannelTestInput;
import dev.zengate.management.interfaces.rest.dto.WatchRunInput;
import dev.zengate.management.interfaces.rest.dto.WatchSettingsView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/certificate-watch}: what expires when, per certificate and pair, with the next
 * notification; the notification history with its delivery state; a run on request (admins,
 * audited); the global default for certificates no pair uses.
 */
@Path("certificate-watch")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificateWatchResource {

  @Inject private CertificateWatch watch;
  @Inject private CertificateNotifications notifications;
  @Inject private NotificationDeliveries deliveries;
  @Inject private ChannelTests tests;
  @Inject private CurrentActor actor;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<CertificateWatchView> watch(
      @QueryParam("expiringWithinDays") Integer expiringWithinDays, @QueryParam("at") String at) {
    if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 36500)) {
      throw new InvalidInputException("expiringWithinDays must be between 0 and 36500");
    }
    return notifications.watch(CertificateWatch.time(instant(at)), expiringWithinDays).stream()
        .map(CertificateWatchView::of)
        .toList();
  }

  @GET
  @Path("notifications")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<CertificateNotificationView> notifications(
      @QueryParam("state") String state,
      @QueryParam("channel") String channel,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return deliveries.history(state, channel, Paging.offset(offset), Paging.limit(limit)).stream()
        .map(CertificateNotificationView::of)
        .toList();
  }

  @POST
  @Path("run")
  @RolesAllowed(ADMIN)
  public CertificateWatch.RunResult run(WatchRunInput input) {
    return watch.runNow(actor.get(), instant(input == null ? null : input.at()));
  }

  @GET
  @Path("settings")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public WatchSettingsView settings() {
    return WatchSettingsView.of(watch.defaults());
  }

  @PUT
  @Path("settings")
  @RolesAllowed({ADMIN, OPERATOR})
  public WatchSettingsView changeSettings(WatchSettingsSpec input) {
    return WatchSettingsView.of(watch.changeDefaults(actor.get(), PairsResource.required(input)));
  }

  /** Sends a test message on one channel with the global settings; 200 either way, saying how. */
  @POST
  @Path("settings/test")
  @RolesAllowed({ADMIN, OPERATOR})
  public List<ChannelTests.Outcome> test(ChannelTestInput input) {
    return tests.test(actor.get(), PairsResource.required(input).channel(), null);
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "at '" + text + "' is not an ISO-8601 instant such as 2027-01-31T09:00:00Z");
    }
  }
}
