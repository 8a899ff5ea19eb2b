package dev.zengate.management.interfaces.rest;

import dev.zengate.management.interfaces.rest.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses request bodies over 1 MiB with 413: certificates, keys and CRLs are far smaller. */
@Provider
public class BoundedRequestBody implements ReaderInterceptor {

  static final int MAX_BYTES = 1024 * 1024;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    String declared = context.getHeaders().getFirst("Content-Length");
    if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BYTES) {
      throw tooLarge();
    }
    context.setInputStream(new Limited(context.getInputStream()));
    return context.proceed();
  }

  private static WebApplicationException tooLarge() {
    return new WebApplicationException(
        Problem.response(
            413, "too-large", "Request too large", "the request body is larger than 1 MiB"));
  }

  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw tooLarge();
      }
    }
  }
}
