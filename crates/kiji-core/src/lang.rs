//! Languages as ISO 639-1 codes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A language, identified by its ISO 639-1 code.
///
/// The value is two ASCII bytes (`ja`, `en`, …) or `und` when unknown, so it
/// is `Copy` and compares cheaply on the hot path.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang([u8; 3]);

impl Lang {
    /// Japanese.
    pub const JA: Lang = Lang(*b"ja\0");
    /// English.
    pub const EN: Lang = Lang(*b"en\0");
    /// Chinese.
    pub const ZH: Lang = Lang(*b"zh\0");
    /// Korean.
    pub const KO: Lang = Lang(*b"ko\0");
    /// Unknown or undetermined.
    pub const UND: Lang = Lang(*b"und");

    /// The language with this ISO 639-1 code (two ASCII letters), or `und`.
    pub fn from_code(code: &str) -> Lang {
        let b = code.as_bytes();
        if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
            Lang([b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), 0])
        } else {
            Lang::UND
        }
    }

    /// The ISO 639-1 code, or `und`.
    pub fn code(&self) -> &str {
        let len = if self.0[2] == 0 { 2 } else { 3 };
        // Only ASCII is ever stored.
        std::str::from_utf8(&self.0[..len]).unwrap_or("und")
    }

    /// True when the language is unknown.
    pub fn is_und(&self) -> bool {
        *self == Lang::UND
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::UND
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Lang::from_code(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        assert_eq!(Lang::from_code("ja"), Lang::JA);
        assert_eq!(Lang::from_code("EN"), Lang::EN);
        assert_eq!(Lang::JA.code(), "ja");
        assert_eq!(Lang::UND.code(), "und");
        assert_eq!(Lang::from_code("japanese"), Lang::UND);
        assert_eq!(Lang::from_code("fr").code(), "fr");
    }

    #[test]
    fn serializes_as_code() {
        assert_eq!(serde_json::to_string(&Lang::KO).unwrap(), "\"ko\"");
        let l: Lang = serde_json::from_str("\"de\"").unwrap();
        assert_eq!(l.code(), "de");
    }
}
