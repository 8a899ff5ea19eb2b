package dev.zengate.management.domain.certificate;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Generates a key pair and a PKCS#10 certificate signing request for it. */
public final class CsrFactory {

  private CsrFactory() {}

  /** A new key pair of the requested type and the CSR (PEM) for it, signed with that key. */
  public static GeneratedCsr generate(CsrRequest request) {
    try {
      KeyPair keys = newKeyPair(request.keySpec());
      JcaPKCS10CertificationRequestBuilder builder =
          new JcaPKCS10CertificationRequestBuilder(request.subject(), keys.getPublic());
      if (!request.subjectAltNames().isEmpty()) {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(
            Extension.subjectAlternativeName, false, generalNames(request.subjectAltNames()));
        builder.addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
      }
      String algorithm =
          "RSA".equals(request.keySpec().algorithm())
              ? "SHA256withRSA"
              : request.keySpec().size() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
      PKCS10CertificationRequest csr =
          builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()));
      return new GeneratedCsr(keys, pem(csr), X500Name.getInstance(csr.getSubject()).toString());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(
          "generating a " + request.keySpec().label() + " CSR failed", e);
    }
  }

  private static KeyPair newKeyPair(KeySpec spec) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm());
    if ("RSA".equals(spec.algorithm())) {
      generator.initialize(spec.size());
    } else {
      generator.initialize(new ECGenParameterSpec(spec.size() == 256 ? "secp256r1" : "secp384r1"));
    }
    return generator.generateKeyPair();
  }

  private static GeneralNames generalNames(List<String> sans) {
    List<GeneralName> names = new ArrayList<>();
    for (String san : sans) {
      names.add(
          san.startsWith("IP:")
              ? new GeneralName(GeneralName.iPAddress, san.substring(3))
              : new GeneralName(GeneralName.dNSName, san.substring(4)));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  /** The new key pair, its CSR in PEM and the CSR's subject. */
  public record GeneratedCsr(KeyPair keys, String csrPem, String subject) {}
}
