/*
 * Copyright 2026 the camel-databricks authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameldatabricks.testkit.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA and a server certificate for 127.0.0.1 / localhost, generated at start-up, plus a JKS trust store file
 * holding the CA that a driver can be pointed at with {@code SSLTrustStore=}, and the same CA as a PEM file.
 */
public final class TlsMaterial {

    private final SSLContext serverContext;
    private final Path trustStore;
    private final String trustStorePassword;
    private final X509Certificate caCertificate;
    private final Path caCertificatePem;

    private TlsMaterial(SSLContext serverContext, Path trustStore, String trustStorePassword,
            X509Certificate caCertificate, Path caCertificatePem) {
        this.serverContext = serverContext;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        this.caCertificate = caCertificate;
        this.caCertificatePem = caCertificatePem;
    }

    public static TlsMaterial generate(Path directory) throws IOException, GeneralSecurityException {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair serverKeys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=LocalWarehouse Test CA,O=camel-databricks");
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(random),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), caName,
                    caKeys.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCert = sign(ca, caKeys);

            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(random),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name("CN=127.0.0.1,O=camel-databricks LocalWarehouse"), serverKeys.getPublic());
            server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            server.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost") }));
            server.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate serverCert = sign(server, caKeys);

            char[] keyPassword = HexFormat.of().formatHex(random.generateSeed(8)).toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", serverKeys.getPrivate(), keyPassword,
                    new X509Certificate[]{ serverCert, caCert });
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, keyPassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, random);

            String password = HexFormat.of().formatHex(random.generateSeed(8));
            KeyStore trust = KeyStore.getInstance("JKS");
            trust.load(null, null);
            trust.setCertificateEntry("localwarehouse-ca", caCert);
            Files.createDirectories(directory);
            Path trustFile = directory.resolve("localwarehouse-truststore.jks");
            try (OutputStream out = Files.newOutputStream(trustFile)) {
                trust.store(out, password.toCharArray());
            }
            // clients outside the JVM (Python's ssl, Node.js' tls, curl) take the CA as a PEM file, not a JKS
            Path pemFile = directory.resolve("localwarehouse-ca.pem");
            Files.writeString(pemFile, pem(caCert), StandardCharsets.US_ASCII);
            return new TlsMaterial(context, trustFile, password, caCert, pemFile);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the LocalWarehouse certificates", e);
        }
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(64, random).abs().add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    /** The JKS trust store file holding the CA certificate. */
    public Path trustStore() {
        return trustStore;
    }

    public String trustStorePassword() {
        return trustStorePassword;
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The CA certificate as a PEM file, for clients that do not read JKS trust stores. */
    public Path caCertificatePem() {
        return caCertificatePem;
    }
}
