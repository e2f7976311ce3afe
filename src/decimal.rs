//! A float written with a fixed number of decimals, byte for byte what `format!("{v:.N$}")`
//! writes, without core's float formatting: two such `format!`s in review's messages brought its
//! shortest and exact algorithms (Grisu, Dragon4 with its big integers) into the wasm, ~18 KB of
//! code (docs/performance.md). The rounding is core's: the binary value's exact product with
//! 10^N, halves to even; no `u128` division (compiler-builtins' is 1 KB more of the wasm).

/// The most decimals [`fixed`] writes (more are written as this many).
pub const MAX_DECIMALS: usize = 19;

/// `v` with `decimals` decimals (at most [`MAX_DECIMALS`]), as `format!("{v:.decimals$}")`.
///
/// The wasm's batch module keeps core's float formatting anyway (serde's messages for a result
/// handed back that does not read, `invalid value: floating point …`): there `format!` itself,
/// the smaller code.
#[cfg(feature = "wasm-batch")]
pub fn fixed(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}", decimals = decimals.min(MAX_DECIMALS))
}

/// `v` with `decimals` decimals (at most [`MAX_DECIMALS`]), as `format!("{v:.decimals$}")`.
#[cfg(not(feature = "wasm-batch"))]
pub fn fixed(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(MAX_DECIMALS);
    if v.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v.is_infinite() {
        return format!("{sign}inf");
    }
    let bits = v.to_bits();
    let exponent = ((bits >> 52) & 0x7FF) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // v = mantissa × 2^power, exactly.
    let (mantissa, power) = if exponent == 0 { (fraction, -1074) } else { (fraction | 1 << 52, exponent - 1075) };
    let mut digits = if power >= 0 {
        // An integer: its digits, then the decimals' zeros.
        let mut digits = integer_digits(mantissa, power as u32);
        if decimals > 0 {
            digits.push('.');
            digits.extend(std::iter::repeat_n('0', decimals));
        }
        digits
    } else {
        let shift = power.unsigned_abs();
        let (mut whole, fraction) = if shift >= 64 { (0, mantissa) } else { (mantissa >> shift, mantissa & ((1 << shift) - 1)) };
        // The fraction's decimals, fraction × 10^decimals / 2^shift, rounded: exact in a u128
        // (below 2^53 × 10^19 < 2^117). Shifted by 128 or more it is under a half: zero.
        let scale = 10u64.pow(decimals as u32);
        let scaled = u128::from(fraction) * u128::from(scale);
        let mut units = 0;
        if shift < 128 {
            units = (scaled >> shift) as u64;
            let (rest, half) = (scaled & ((1u128 << shift) - 1), 1u128 << (shift - 1));
            let odd = if decimals == 0 { whole & 1 == 1 } else { units & 1 == 1 };
            if rest > half || rest == half && odd {
                units += 1;
                if units == scale {
                    units = 0;
                    whole += 1;
                }
            }
        }
        if decimals > 0 {
            format!("{whole}.{units:0decimals$}")
        } else {
            whole.to_string()
        }
    };
    digits.insert_str(0, sign);
    digits
}

/// The decimal digits of `mantissa × 2^power` (an integer of up to 309 digits), by doubling
/// limbs of nine digits.
#[cfg(not(feature = "wasm-batch"))]
fn integer_digits(mantissa: u64, power: u32) -> String {
    const LIMB: u64 = 1_000_000_000;
    // Little-endian limbs of nine decimal digits.
    let mut limbs = vec![mantissa % LIMB, mantissa / LIMB % LIMB, mantissa / LIMB / LIMB];
    for _ in 0..power {
        let mut carry = 0;
        for limb in &mut limbs {
            let doubled = *limb * 2 + carry;
            *limb = doubled % LIMB;
            carry = doubled / LIMB;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut digits = limbs.last().expect("at least one limb").to_string();
    for limb in limbs.iter().rev().skip(1) {
        digits.push_str(&format!("{limb:09}"));
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::fixed;

    fn fixed4(v: f64) -> String {
        fixed(v, 4)
    }
    use proptest::prelude::*;

    #[test]
    fn edges_are_written_as_core_writes_them() {
        let edges = [
            0.0, -0.0, 1.0, -1.0, 0.5, 0.03125, 0.00005, -0.00005, 0.00015, 0.00025, 1.00005, 339.04, 339.045, 2.5e-5, 1e-4, 9.99995,
            99999.99995, 1e15, 1e16, 2f64.powi(53), 2f64.powi(63), 2f64.powi(64), 2f64.powi(65), 1e21, 1e22, 1.7976931348623157e308,
            f64::MIN_POSITIVE, 5e-324, -5e-324, 2.2250738585072009e-308, 1e-10, 123456.78905, f64::NAN, f64::INFINITY, f64::NEG_INFINITY,
        ];
        for v in edges.into_iter().chain([0.5, 1.5, 2.5, -0.5, 0.25, 0.75, 0.125, 9.5, 99.95, 0.045]) {
            for decimals in 0..=5 {
                assert_eq!(fixed(v, decimals), format!("{v:.decimals$}"), "{v:e} with {decimals}");
            }
            assert_eq!(fixed4(v), format!("{v:.4}"), "{v:e}");
        }
    }

    proptest! {
        #[test]
        fn any_float_is_written_as_core_writes_it(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            prop_assert_eq!(fixed4(v), format!("{v:.4}"));
        }

        #[test]
        fn figures_in_their_units_are_written_as_core_writes_them(n in 0u64..100_000_000_000, scale in prop::sample::select(vec![1.0, 10.0, 100.0, 1000.0, 1e4, 1e8, 1e12])) {
            let v = n as f64 / scale;
            prop_assert_eq!(fixed4(v), format!("{v:.4}"));
        }

        #[test]
        fn any_float_with_any_decimals_is_written_as_core_writes_it(bits in any::<u64>(), decimals in 0usize..=19) {
            let v = f64::from_bits(bits);
            prop_assert_eq!(fixed(v, decimals), format!("{v:.decimals$}"));
        }

        #[test]
        fn rates_are_written_as_core_writes_them(n in 0u64..1_000_000, d in 1u64..1_000_000, decimals in 2usize..=4) {
            let v = n as f64 / d as f64 * 100.0;
            prop_assert_eq!(fixed(v, decimals), format!("{v:.decimals$}"));
        }

        #[test]
        fn ties_and_near_ties_are_written_as_core_writes_them(k in 0u64..2_000_000, halves in 1u32..40) {
            let v = k as f64 / 2f64.powi(halves as i32);
            prop_assert_eq!(fixed4(v), format!("{v:.4}"));
        }
    }
}
