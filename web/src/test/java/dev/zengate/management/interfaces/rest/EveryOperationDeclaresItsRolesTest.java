package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every REST operation says which roles may call it, and only health is open to anyone.
 * (DenyUndeclaredOperations refuses undeclared ones at run time; this catches them at build time.)
 */
class EveryOperationDeclaresItsRolesTest {

  private static final List<Class<?>> RESOURCES =
      List.of(
          HealthResource.class,
          PairsResource.class,
          CertificatesResource.class,
          TrustStoresResource.class,
          AuditResource.class,
          UsersResource.class,
          SessionUserResource.class,
          VirtualServersResource.class,
          VirtualClientsResource.class,
          CertificateWatchResource.class);

  @Test
  void everyOperationDeclaresItsAccess() {
    List<String> undeclared = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (Class<?> resource : RESOURCES) {
      for (Method method : resource.getDeclaredMethods()) {
        if (!isOperation(method)) {
          continue;
        }
        if (!DenyUndeclaredOperations.declaresAccess(method)) {
          undeclared.add(resource.getSimpleName() + "." + method.getName());
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
          open.add(resource.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertTrue(undeclared.isEmpty(), "operations without @RolesAllowed/@PermitAll: " + undeclared);
    assertEquals(List.of("HealthResource.health"), open);
  }

  private static boolean isOperation(Method method) {
    return method.isAnnotationPresent(GET.class)
        || method.isAnnotationPresent(POST.class)
        || method.isAnnotationPresent(PUT.class)
        || method.isAnnotationPresent(DELETE.class);
  }
}
