//! Stable codes of the crate's enums, declared once per enum.
//!
//! Every enum that is written to JSON, CSV or Python as a string gets its codes from
//! [`stable_codes!`]: `code()`, `from_code()` and `ALL` come from one list, and the crate's tests
//! check that the list agrees with the enum's serde names, so the code a table writes is the one
//! JSON reads back.

/// Implements `ALL`, `code()` and `from_code()` for a field-less enum from one list of
/// `Variant => "code"` pairs. The second token is the enum's public path, used in the generated
/// doc examples.
macro_rules! stable_codes {
    ($ty:ident, $path:literal; $first:ident => $first_code:literal $(, $variant:ident => $code:literal)* $(,)?) => {
        impl $ty {
            /// Every value, in declaration order.
            ///
            #[doc = concat!("```\nassert_eq!(", $path, "::ALL[0], ", $path, "::", stringify!($first), ");\n```")]
            pub const ALL: &'static [$ty] = &[$ty::$first $(, $ty::$variant)*];

            /// The stable code, as JSON, CSV and Python write it.
            ///
            #[doc = concat!("```\nassert_eq!(", $path, "::", stringify!($first), ".code(), \"", $first_code, "\");\n```")]
            pub const fn code(self) -> &'static str {
                match self {
                    $ty::$first => $first_code,
                    $($ty::$variant => $code,)*
                }
            }

            /// The value with this code, if any.
            ///
            #[doc = concat!("```\nassert_eq!(", $path, "::from_code(\"", $first_code, "\"), Some(", $path, "::", stringify!($first), "));\nassert_eq!(", $path, "::from_code(\"no such code\"), None);\n```")]
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $first_code => Some($ty::$first),
                    $($code => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $ty {
            /// Writes the stable code.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use stable_codes;
