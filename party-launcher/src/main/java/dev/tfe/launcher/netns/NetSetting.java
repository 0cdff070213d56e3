package dev.tfe.launcher.netns;

import java.util.List;
import java.util.Locale;

/**
 * A network between the emulated hosts: the added one-way delay (half the round trip) and the
 * rate of each host's link. {@code wan} is tf-encrypted's published WAN setting (40 ms round
 * trip, 352 Mbit/s); {@code lan} a data-centre LAN (0.2 ms, 10 Gbit/s); {@code loopback} adds
 * nothing.
 *
 * @param name the setting's name on the command line
 * @param roundTripMillis the added round trip; every message waits half of it once
 * @param rateBitsPerSecond the rate of each host's link in each direction, 0 for none
 */
public record NetSetting(String name, double roundTripMillis, long rateBitsPerSecond) {
  public static final NetSetting LOOPBACK = new NetSetting("loopback", 0, 0);
  public static final NetSetting LAN = new NetSetting("lan", 0.2, 10_000_000_000L);
  public static final NetSetting WAN = new NetSetting("wan", 40, 352_000_000L);

  /** The settings by name. */
  public static final List<NetSetting> ALL = List.of(LOOPBACK, LAN, WAN);

  public NetSetting {
    if (roundTripMillis < 0 || rateBitsPerSecond < 0) {
      throw new IllegalArgumentException("a network's delay and rate are not negative");
    }
  }

  /** The setting called {@code name} ({@code loopback}, {@code lan} or {@code wan}). */
  public static NetSetting named(String name) {
    for (NetSetting s : ALL) {
      if (s.name.equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown network '" + name + "'; choose loopback, lan or wan");
  }

  /** Half the round trip, in nanoseconds: what each message waits. */
  public long oneWayDelayNanos() {
    return Math.round(roundTripMillis * 1e6 / 2);
  }

  /** Whether messages go through the delaying relay. */
  public boolean delayed() {
    return roundTripMillis > 0;
  }

  /** Seconds to push {@code bytes} through one link at this rate (0 without a limit). */
  public double transferSeconds(long bytes) {
    return rateBitsPerSecond == 0 ? 0 : bytes * 8.0 / rateBitsPerSecond;
  }

  @Override
  public String toString() {
    return rateBitsPerSecond == 0 && roundTripMillis == 0 ? name
        : String.format(Locale.ROOT, "%s (%.1f ms round trip, %.0f Mbit/s)", name, roundTripMillis, rateBitsPerSecond / 1e6);
  }
}
