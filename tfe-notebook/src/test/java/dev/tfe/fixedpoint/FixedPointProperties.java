package dev.tfe.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the fixed-point encoding for every valid configuration: a value in range comes
 * back within half a unit of its encoding; a value out of range, NaN or an infinity is refused
 * with the exception that says what to do; a ring element out of range is refused on decoding.
 */
class FixedPointProperties {
  @Provide
  Arbitrary<FixedPointConfig> configs() {
    return Arbitraries.integers().between(0, 30).flatMap(f -> Arbitraries.integers()
        .between(1, FixedPointConfig.PRODUCT_BITS / 2 - f).map(i -> FixedPointConfig.of(f, i)));
  }

  /** A configuration and a fraction of its range in [-1, 1], edges included. */
  record InRange(FixedPointConfig config, double fraction) {
    double value() {
      return fraction * config.maxValue();
    }
  }

  @Provide
  Arbitrary<InRange> inRange() {
    Arbitrary<Double> fraction = Arbitraries.oneOf(Arbitraries.doubles().between(-1, 1),
        Arbitraries.of(-1.0, 1.0, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE));
    return Combinators.combine(configs(), fraction).as(InRange::new);
  }

  @Property(tries = 500)
  void aValueInRangeRoundTripsWithinHalfAUnit(@ForAll("inRange") InRange c) {
    FixedPoint fp = new FixedPoint(c.config());
    double x = c.value();
    long v = fp.encode(x, "x");
    double back = fp.decode(v, "x");
    assertTrue(Math.abs(back - x) <= c.config().resolution() / 2, x + " came back as " + back);
    assertEquals(v, fp.encode(back, "x"), "an encoded value is a fixed point of the round trip");
  }

  @Property(tries = 300)
  void aValueOutOfRangeIsRefused(@ForAll("configs") FixedPointConfig config,
      @ForAll("factors") double factor, @ForAll boolean negative) {
    double x = config.maxValue() * factor * (negative ? -1 : 1);
    Assume.that(Math.abs(x) > config.maxValue());
    FixedPoint fp = new FixedPoint(config);
    var e = assertThrows(FixedPointOverflowException.class, () -> fp.encode(x, "x"));
    assertTrue(e.getMessage().contains("integral bits"), e.getMessage());
  }

  @Provide
  Arbitrary<Double> factors() {
    return Arbitraries.doubles().between(1.0000001, 1e12).ofScale(7);
  }

  @Property(tries = 50)
  void notFiniteValuesAreRefused(@ForAll("configs") FixedPointConfig config,
      @ForAll("notFinite") double x) {
    FixedPoint fp = new FixedPoint(config);
    var e = assertThrows(NotFiniteValueException.class, () -> fp.encode(x, "x"));
    assertTrue(e.getMessage().contains("finite"), e.getMessage());
  }

  @Provide
  Arbitrary<Double> notFinite() {
    return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
  }

  @Property(tries = 300)
  void aRingElementOutOfRangeIsRefusedOnDecoding(@ForAll("configs") FixedPointConfig config, @ForAll long v) {
    Assume.that(v >= config.bound() || v <= -config.bound());
    FixedPoint fp = new FixedPoint(config);
    assertThrows(FixedPointOverflowException.class, () -> fp.decode(v, "y"));
  }
}
