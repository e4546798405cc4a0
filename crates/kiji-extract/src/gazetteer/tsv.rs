//! The dictionary file format.
//!
//! One entry per line, tab-separated:
//!
//! ```text
//! canonical<TAB>TYPE<TAB>alias|alias|…<TAB>Wikidata id
//! ```
//!
//! The alias list and the Wikidata id may be left out (or empty); the
//! canonical is always an alias too. `#` at the start of a line makes it a
//! comment; blank lines are ignored; a UTF-8 byte order mark and CRLF line
//! ends are accepted, since files edited on Windows carry them.

use super::GazetteerError;
use kiji_core::EntityType;

/// One parsed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record<'a> {
    /// The canonical name.
    pub canonical: &'a str,
    /// Entity type.
    pub ty: EntityType,
    /// Aliases as written, canonical first, empty ones removed.
    pub aliases: Vec<&'a str>,
    /// Wikidata id (`Q` and digits).
    pub wikidata: Option<&'a str>,
    /// 1-based line number.
    pub line: usize,
}

/// Parses a whole file; `name` is used in error messages (`name:line: …`).
pub(crate) fn parse<'a>(name: &str, contents: &'a str) -> Result<Vec<Record<'a>>, GazetteerError> {
    let contents = contents.strip_prefix('\u{FEFF}').unwrap_or(contents);
    let mut out = Vec::new();
    for (i, raw) in contents.lines().enumerate() {
        let line = i + 1;
        let err = |message: String| GazetteerError::Parse {
            file: name.to_string(),
            line,
            message,
        };
        let text = raw.trim_end_matches('\r');
        if text.trim().is_empty() || text.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = text.split('\t').map(str::trim).collect();
        if fields.len() < 2 {
            return Err(err(
                "expected canonical<TAB>TYPE<TAB>aliases<TAB>wikidata (no tab found)".into(),
            ));
        }
        if fields.len() > 4 {
            return Err(err(format!(
                "expected at most 4 tab-separated fields, found {}",
                fields.len()
            )));
        }
        let canonical = fields[0];
        if canonical.is_empty() {
            return Err(err("empty canonical name".into()));
        }
        if canonical.contains('|') {
            return Err(err(format!(
                "canonical {canonical:?} contains '|' (aliases go in the third field)"
            )));
        }
        let ty: EntityType = fields[1].parse().map_err(|e| err(format!("{e}")))?;
        if !ty.is_name() {
            return Err(err(format!(
                "type {ty} has no canonical names; the gazetteer holds PERSON, ORG, LOCATION, PRODUCT and EVENT"
            )));
        }
        let mut aliases = vec![canonical];
        if let Some(list) = fields.get(2) {
            aliases.extend(list.split('|').map(str::trim).filter(|a| !a.is_empty()));
        }
        let wikidata = match fields.get(3).copied().filter(|w| !w.is_empty()) {
            None => None,
            Some(w) if is_wikidata_id(w) => Some(w),
            Some(w) => {
                return Err(err(format!(
                    "Wikidata id {w:?} is not Q followed by digits"
                )))
            }
        };
        out.push(Record {
            canonical,
            ty,
            aliases,
            wikidata,
            line,
        });
    }
    Ok(out)
}

/// True for `Q` followed by one or more digits, the first not zero.
fn is_wikidata_id(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('Q') else {
        return false;
    };
    !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_lines() {
        let text = "\u{FEFF}# places\n\nUnited States\tLOCATION\t米国|アメリカ| |USA\tQ30\r\n\
                    Tokyo\tloc\n  # indented comment\nSony\tORG\tソニー\t\n";
        let recs = parse("t.tsv", text).unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].canonical, "United States");
        assert_eq!(recs[0].ty, EntityType::Location);
        assert_eq!(
            recs[0].aliases,
            vec!["United States", "米国", "アメリカ", "USA"]
        );
        assert_eq!(recs[0].wikidata, Some("Q30"));
        assert_eq!(recs[0].line, 3);
        assert_eq!(recs[1].aliases, vec!["Tokyo"]);
        assert_eq!(recs[1].line, 4);
        assert_eq!(recs[2].wikidata, None);
    }

    #[test]
    fn bad_lines_report_file_and_line() {
        let cases = [
            ("ok\tORG\n\nJapan LOCATION\n", 3, "no tab"),
            ("Japan\tPLACE\n", 1, "unknown entity type"),
            ("Japan\tDATE\n", 1, "no canonical names"),
            ("\tLOCATION\tx\n", 1, "empty canonical"),
            ("a|b\tORG\n", 1, "contains '|'"),
            ("Japan\tLOCATION\t日本\tQ17\textra\n", 1, "at most 4"),
            ("# c\nJapan\tLOCATION\t日本\t17\n", 2, "Wikidata id"),
            ("Japan\tLOCATION\t日本\tQ017\n", 1, "Wikidata id"),
        ];
        for (text, line, msg) in cases {
            let e = parse("dir/x.tsv", text).unwrap_err();
            let shown = e.to_string();
            assert!(
                shown.starts_with(&format!("dir/x.tsv:{line}: ")),
                "{text:?} gave {shown}"
            );
            assert!(shown.contains(msg), "{text:?} gave {shown}");
        }
    }
}
