//! YAML front matter of Markdown and text articles.
//!
//! Static site generators put a block like this before the article:
//!
//! ```text
//! ---
//! title: "A title"
//! date: 2025-11-03 02:21:58 +0000
//! tags: ["AI", "OpenAI"]
//! ---
//! ```
//!
//! Only the flat subset such blocks use is understood: `key: value` with
//! plain, single- or double-quoted scalars, `[a, b]` flow lists and `- item`
//! block lists. Anything else (nested maps, multi-line scalars) is kept as the
//! raw text of the value, so nothing is lost and nothing is guessed.

use serde_json::Value;
use std::collections::BTreeMap;

/// Splits front matter off `text`.
///
/// Returns the parsed keys and the byte offset where the article starts
/// (just after the closing `---` line), or `None` when `text` has no complete
/// front matter block.
pub fn split(text: &str) -> Option<(BTreeMap<String, Value>, usize)> {
    let mut lines = Lines { text, pos: 0 };
    let (first, _) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let body_start = lines.pos;
    let mut body_end = None;
    for (line, start) in lines.by_ref() {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            body_end = Some(start);
            break;
        }
    }
    let body_end = body_end?;
    Some((parse(&text[body_start..body_end]), lines.pos))
}

/// Lines with the byte offset where each starts; a line excludes its `\n`
/// (a `\r` before it stays and is trimmed by the callers).
struct Lines<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Iterator for Lines<'t> {
    type Item = (&'t str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((line, start))
    }
}

/// Parses the inside of a front matter block.
fn parse(block: &str) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let lines: Vec<&str> = block.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = top_level_pair(line) else {
            continue;
        };
        // Indented or `- ` lines that follow belong to this key.
        let mut nested = Vec::new();
        while i < lines.len() && is_continuation(lines[i]) {
            nested.push(lines[i]);
            i += 1;
        }
        let value = if value.is_empty() && !nested.is_empty() {
            block_value(&nested)
        } else if nested.is_empty() {
            scalar_or_flow(value)
        } else {
            // A scalar continued on further lines: keep it as written.
            let mut raw = value.to_owned();
            for line in nested {
                raw.push('\n');
                raw.push_str(line);
            }
            Value::String(raw)
        };
        out.insert(key.to_owned(), value);
    }
    out
}

/// `key: value` at column 0, with a key of the plain characters YAML keys use.
fn top_level_pair(line: &str) -> Option<(&str, &str)> {
    if line.starts_with([' ', '\t', '-']) {
        return None;
    }
    let colon = line.find(':')?;
    let key = line[..colon].trim();
    let rest = &line[colon + 1..];
    if key.is_empty() || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let key = key.trim_matches(|c| c == '"' || c == '\'');
    Some((key, strip_comment(rest.trim())))
}

fn is_continuation(line: &str) -> bool {
    line.starts_with([' ', '\t']) || line == "-" || line.starts_with("- ")
}

/// A value written on the lines after its key: a `- item` list, or anything
/// else kept raw.
fn block_value(lines: &[&str]) -> Value {
    let trimmed: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if trimmed.iter().all(|l| *l == "-" || l.starts_with("- ")) {
        let items = trimmed
            .iter()
            .map(|l| scalar(strip_comment(l[1..].trim())))
            .collect();
        return Value::Array(items);
    }
    Value::String(lines.join("\n"))
}

/// A value on the key's own line: `[a, b]` or a scalar.
fn scalar_or_flow(value: &str) -> Value {
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        if let Some(items) = split_flow(inner) {
            return Value::Array(items.into_iter().map(scalar).collect());
        }
        return Value::String(value.to_owned());
    }
    scalar(value)
}

/// Splits `a, "b, c", 'd'` on the commas outside quotes; `None` when a quote
/// is left open or the list nests.
fn split_flow(inner: &str) -> Option<Vec<&str>> {
    let mut items = Vec::new();
    let mut quote = None;
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | ']' | '{' | '}' => return None,
                ',' => {
                    items.push(inner[start..i].trim());
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    if quote.is_some() {
        return None;
    }
    let last = inner[start..].trim();
    if !last.is_empty() || !items.is_empty() {
        items.push(last);
    }
    Some(items)
}

/// A scalar: quoted string, integer, boolean, null, or plain string.
fn scalar(value: &str) -> Value {
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        // Double-quoted YAML escapes are close enough to JSON's for the
        // strings front matter holds; when they differ, keep the inside raw.
        return serde_json::from_str::<String>(value)
            .map(Value::String)
            .unwrap_or_else(|_| Value::String(value[1..value.len() - 1].to_owned()));
    }
    if value.len() >= 2 && value.starts_with('\'') && value.ends_with('\'') {
        return Value::String(value[1..value.len() - 1].replace("''", "'"));
    }
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    // Integers only: `2025-11-03`, `1.10` (a version) and the like stay text.
    let digits = value.strip_prefix('-').unwrap_or(value);
    if !digits.is_empty() && digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = value.parse::<i64>() {
            return Value::from(n);
        }
    }
    Value::String(value.to_owned())
}

/// Drops a ` # comment` after an unquoted value.
fn strip_comment(value: &str) -> &str {
    if value.starts_with(['"', '\'']) {
        return value;
    }
    match value.find(" #") {
        Some(i) => value[..i].trim_end(),
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn splits_and_parses_a_typical_block() {
        let text = "---\nlayout: post\ntitle: \"Soraの\\\"真意\\\"\"\ndate: 2025-11-03 02:21:58 +0000\n\
                    tags: [\"AI\", 最新ニュース, 'a, b']\nreading_time: 8\ndraft: false\n---\n\n本文。\n";
        let (meta, start) = split(text).expect("front matter");
        assert_eq!(&text[start..], "\n本文。\n");
        assert_eq!(meta["layout"], json!("post"));
        assert_eq!(meta["title"], json!("Soraの\"真意\""));
        assert_eq!(meta["date"], json!("2025-11-03 02:21:58 +0000"));
        assert_eq!(meta["tags"], json!(["AI", "最新ニュース", "a, b"]));
        assert_eq!(meta["reading_time"], json!(8));
        assert_eq!(meta["draft"], json!(false));
    }

    #[test]
    fn scalars() {
        let cases = [
            ("plain text", json!("plain text")),
            ("'it''s'", json!("it's")),
            ("\"quoted\"", json!("quoted")),
            ("2025-11-03", json!("2025-11-03")),
            ("1.10", json!("1.10")),
            ("-42", json!(-42)),
            ("~", Value::Null),
            ("https://example.com/a#b", json!("https://example.com/a#b")),
            ("value # comment", json!("value")),
            ("[]", json!([])),
            ("[a, [b]]", json!("[a, [b]]")),
        ];
        for (input, want) in cases {
            let text = format!("---\nk: {input}\n---\n");
            let (meta, _) = split(&text).expect("front matter");
            assert_eq!(meta["k"], want, "{input}");
        }
    }

    #[test]
    fn block_lists_and_nested_maps() {
        let text = "---\nauthors:\n  - 山田太郎\n  - \"Jane Doe\"\nseo:\n  image: a.png\n  alt: x\nsummary: first\n  second\n---\nbody";
        let (meta, start) = split(text).expect("front matter");
        assert_eq!(&text[start..], "body");
        assert_eq!(meta["authors"], json!(["山田太郎", "Jane Doe"]));
        assert_eq!(meta["seo"], json!("  image: a.png\n  alt: x"));
        assert_eq!(meta["summary"], json!("first\n  second"));
    }

    #[test]
    fn crlf_block() {
        let text = "---\r\ntitle: t\r\n---\r\nbody\r\n";
        let (meta, start) = split(text).expect("front matter");
        assert_eq!(meta["title"], json!("t"));
        assert_eq!(&text[start..], "body\r\n");
    }

    #[test]
    fn no_front_matter() {
        for text in [
            "",
            "plain article",
            "---\ntitle: never closed\n",
            "--- \n", // opening only
            "text\n---\ntitle: x\n---\n",
            "----\ntitle: x\n----\n",
        ] {
            assert!(split(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn empty_block() {
        let (meta, start) = split("---\n---\nbody").expect("front matter");
        assert!(meta.is_empty());
        assert_eq!(start, 8);
    }
}
