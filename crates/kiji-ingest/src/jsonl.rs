//! JSONL dumps: one JSON object per line, one article per object.

use crate::decode::LineDecoder;
use crate::input::Stream;
use crate::{copy_date, empty_if_blank, failure, Record, Settings};
use kiji_core::{Document, Source};
use serde_json::Value;
use std::io::{self, BufRead, BufReader};
use std::sync::Arc;

/// Reads 64 KiB at a time; lines longer than that are assembled in `line`.
const BUFFER_BYTES: usize = 64 * 1024;

/// The records of one JSONL stream, read lazily line by line.
///
/// Line numbers are physical lines (1-based, as an editor shows them); blank
/// lines yield nothing.
pub(crate) struct Records {
    reader: BufReader<Stream>,
    decoder: LineDecoder,
    settings: Arc<Settings>,
    path: String,
    id_prefix: String,
    line_number: u64,
    line: Vec<u8>,
    done: bool,
}

impl Records {
    pub fn new(
        stream: Stream,
        decoder: LineDecoder,
        settings: &Arc<Settings>,
        path: String,
        id_prefix: String,
    ) -> Records {
        Records {
            reader: BufReader::with_capacity(BUFFER_BYTES, stream),
            decoder,
            settings: Arc::clone(settings),
            path,
            id_prefix,
            line_number: 0,
            line: Vec::new(),
            done: false,
        }
    }

    /// The record of the line in `self.line`.
    fn record(&mut self) -> Record {
        let line = self.line_number;
        let fallback_id = format!("{}:{}", self.id_prefix, line);
        let fail = |id: String, reason: String| failure(&self.path, Some(line), Some(id), reason);
        let decoded = self.decoder.decode(&self.line);
        let mut object = match serde_json::from_str::<Value>(&decoded.text) {
            Ok(Value::Object(object)) => object,
            Ok(other) => {
                let reason = format!("line is {}, not a JSON object", kind_of(&other));
                return fail(fallback_id, reason);
            }
            Err(e) => return fail(fallback_id, format!("malformed JSON: {e}")),
        };
        let settings = &self.settings;
        let id = match object.get(&settings.id_field) {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        // The first configured field present is the text, whatever its type.
        let found = settings
            .text_fields
            .iter()
            .find_map(|field| object.remove(field).map(|value| (field, value)));
        let text = match found {
            Some((_, Value::String(text))) => text,
            Some((field, other)) => {
                let reason = format!("text field {field:?} is {}, not a string", kind_of(&other));
                return fail(id.unwrap_or(fallback_id), reason);
            }
            None => {
                let reason = format!("no text field ({})", settings.text_fields.join(", "));
                return fail(id.unwrap_or(fallback_id), reason);
            }
        };
        if id.is_some() {
            object.remove(&settings.id_field);
        }
        let mut metadata = object.into_iter().collect();
        copy_date(&mut metadata, settings);
        Record::Doc(Document {
            id: id.unwrap_or(fallback_id),
            text: empty_if_blank(text),
            metadata,
            source: Source {
                path: self.path.clone(),
                line: Some(line),
            },
            encoding: Some(decoded.encoding_name.to_owned()),
            replaced_bytes: decoded.replaced,
        })
    }
}

impl Iterator for Records {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.line.clear();
            let read = read_line(
                &mut self.reader,
                &mut self.line,
                self.settings.max_line_bytes,
            );
            match read {
                Ok(Line::End) => self.done = true,
                Ok(Line::Fits) => {
                    self.line_number += 1;
                    if !self.line.iter().all(u8::is_ascii_whitespace) {
                        return Some(self.record());
                    }
                }
                Ok(Line::TooLong) => {
                    self.line_number += 1;
                    let line = self.line_number;
                    let reason = format!(
                        "line longer than {} bytes, skipped",
                        self.settings.max_line_bytes
                    );
                    let id = format!("{}:{}", self.id_prefix, line);
                    return Some(failure(&self.path, Some(line), Some(id), reason));
                }
                Err(e) => {
                    // The stream is broken (truncated archive, I/O error):
                    // report where, and read no further.
                    self.done = true;
                    let line = self.line_number + 1;
                    let id = format!("{}:{}", self.id_prefix, line);
                    return Some(failure(
                        &self.path,
                        Some(line),
                        Some(id),
                        format!("read error: {e}"),
                    ));
                }
            }
        }
        None
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A line (without its `\n`) is in the buffer.
    Fits,
    /// A line longer than the limit was skipped; the buffer is empty.
    TooLong,
    /// No more input.
    End,
}

/// Reads the next line into `line` unless it is longer than `max` bytes, in
/// which case it is skipped up to its newline without being kept: memory
/// stays bounded by `max` whatever the input.
fn read_line<R: BufRead>(reader: &mut R, line: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    let mut seen = false;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        seen = true;
        let (chunk, used, ends) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        if !too_long {
            if line.len() + chunk.len() > max {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        reader.consume(used);
        if ends {
            break;
        }
    }
    Ok(match (seen, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Fits,
    })
}

/// "a number", "an array", … for failure reasons.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_within_the_limit_and_skips_longer_ones() {
        // Small buffer so lines span several fill_buf calls.
        let input: &[u8] = b"short\n0123456789abcdef\n\nlast";
        let mut reader = BufReader::with_capacity(4, input);
        let mut line = Vec::new();
        let mut got = Vec::new();
        loop {
            line.clear();
            match read_line(&mut reader, &mut line, 8).expect("in memory") {
                Line::End => break,
                kind => got.push((kind, String::from_utf8_lossy(&line).into_owned())),
            }
        }
        assert_eq!(
            got,
            [
                (Line::Fits, "short".to_owned()),
                (Line::TooLong, String::new()),
                (Line::Fits, String::new()),
                (Line::Fits, "last".to_owned()),
            ]
        );
    }
}
