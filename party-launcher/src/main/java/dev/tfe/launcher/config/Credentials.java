package dev.tfe.launcher.config;

/**
 * What one process proves itself with: its CurveZMQ key pair (Z85 text, 40 characters each) and
 * the cluster token that stands in for the key on unencrypted loopback connections.
 *
 * @param node the process's name in the hostmap
 * @param publicKey its public key, as listed in the hostmap
 * @param secretKey its secret key, read from beside the hostmap; never sent anywhere
 * @param token the shared cluster token (ZeroMQ PLAIN password when encryption is off), or null
 */
public record Credentials(String node, String publicKey, String secretKey, String token) {
  @Override
  public String toString() {
    return "Credentials[" + node + ", public key " + publicKey + "]";
  }
}
