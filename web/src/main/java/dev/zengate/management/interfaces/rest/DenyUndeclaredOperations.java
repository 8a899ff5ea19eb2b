package dev.zengate.management.interfaces.rest;

import dev.zengate.management.interfaces.rest.problem.Problem;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * Fails closed: a REST operation that declares no access rule (on the method or its class) is
 * refused for everyone, so a forgotten annotation never opens an endpoint.
 */
@Provider
public class DenyUndeclaredOperations implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    if (!declaresAccess(method) && !declaresAccess(resource.getResourceClass())) {
      context.register(
          (ContainerRequestFilter)
              request ->
                  request.abortWith(
                      Problem.response(
                          403,
                          "undeclared-access",
                          "Forbidden",
                          "this operation is not open to any role")));
    }
  }

  static boolean declaresAccess(AnnotatedElement element) {
    return element.isAnnotationPresent(RolesAllowed.class)
        || element.isAnnotationPresent(PermitAll.class)
        || element.isAnnotationPresent(DenyAll.class);
  }
}
