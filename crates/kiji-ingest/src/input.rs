//! Finding inputs and opening them: folder walks, file kinds, compression,
//! binary detection.

use crate::decode::LineDecoder;
use crate::{csv_dump, display_path, failure, jsonl, text, IngestError, Record, Settings};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use walkdir::WalkDir;

/// How many leading bytes are inspected to tell text from binary and JSONL
/// from text.
const SNIFF_BYTES: usize = 8 * 1024;

/// A byte stream to read from.
pub(crate) type Stream = Box<dyn Read + Send>;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One article.
    Text,
    /// One article per line.
    Jsonl,
    /// One article per row; the delimiter.
    Csv(u8),
}

/// How a file is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

/// One input to read, as listed by [`expand`].
pub(crate) enum Entry {
    /// A file on disk.
    File {
        /// Path to open.
        path: PathBuf,
        /// The path as reported in sources.
        shown: String,
        /// Document id (text) or id prefix (dumps).
        id: String,
        size: u64,
        kind: Kind,
        compression: Compression,
    },
    /// Standard input or a reader given by the caller.
    Stream { name: String, reader: Stream },
    /// Something found while listing that cannot be read.
    Failed(Record),
}

impl Entry {
    /// Size in bytes, unknown for streams.
    pub fn size(&self) -> Option<u64> {
        match self {
            Entry::File { size, .. } => Some(*size),
            Entry::Stream { .. } => None,
            Entry::Failed(_) => Some(0),
        }
    }
}

/// The kind and compression a file name says, and whether a folder walk
/// takes it.
fn classify(name: &str) -> (Kind, Compression, bool) {
    let lower = name.to_ascii_lowercase();
    let (stem, compression) = if let Some(stem) = lower.strip_suffix(".gz") {
        (stem, Compression::Gzip)
    } else if let Some(stem) = lower.strip_suffix(".zst") {
        (stem, Compression::Zstd)
    } else {
        (lower.as_str(), Compression::None)
    };
    let extension = stem.rsplit_once('.').map_or("", |(_, ext)| ext);
    let (kind, taken) = match extension {
        "txt" | "md" | "markdown" => (Kind::Text, true),
        "jsonl" | "ndjson" => (Kind::Jsonl, true),
        "csv" => (Kind::Csv(b','), true),
        "tsv" => (Kind::Csv(b'\t'), true),
        _ => (Kind::Text, false),
    };
    (kind, compression, taken)
}

/// Lists the inputs `path` stands for, appending them to `entries`.
pub(crate) fn expand(path: &Path, entries: &mut VecDeque<Entry>) -> Result<(), IngestError> {
    if path.as_os_str() == "-" {
        entries.push_back(Entry::Stream {
            name: "-".to_owned(),
            reader: Box::new(io::stdin()),
        });
        return Ok(());
    }
    let shown = display_path(path);
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(IngestError::NotFound {
                path: path.to_owned(),
                source: e,
            })
        }
        Err(e) => {
            let reason = format!("cannot read: {e}");
            entries.push_back(Entry::Failed(failure(
                &shown,
                None,
                Some(shown.clone()),
                reason,
            )));
            return Ok(());
        }
    };
    if metadata.is_dir() {
        walk(path, entries);
    } else {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let (kind, compression, _) = classify(&name);
        entries.push_back(Entry::File {
            path: path.to_owned(),
            shown: shown.clone(),
            id: shown,
            size: metadata.len(),
            kind,
            compression,
        });
    }
    Ok(())
}

/// Lists the files of a folder, depth first, each folder's entries sorted by
/// name, following symbolic links.
///
/// walkdir detects a link back to a folder being walked (a loop) and reports
/// it as an error instead of descending, so walks always end.
fn walk(root: &Path, entries: &mut VecDeque<Entry>) {
    let relative = |path: &Path| display_path(path.strip_prefix(root).unwrap_or(path));
    for result in WalkDir::new(root).follow_links(true).sort_by_file_name() {
        match result {
            Ok(entry) => {
                // Fifos, sockets and devices would block or never end.
                if !entry.file_type().is_file() {
                    continue;
                }
                let (kind, compression, taken) = classify(&entry.file_name().to_string_lossy());
                if !taken {
                    continue;
                }
                entries.push_back(Entry::File {
                    path: entry.path().to_owned(),
                    shown: display_path(entry.path()),
                    id: relative(entry.path()),
                    size: entry.metadata().map_or(0, |m| m.len()),
                    kind,
                    compression,
                });
            }
            Err(error) => {
                let path = error.path().unwrap_or(root);
                let reason = if let Some(ancestor) = error.loop_ancestor() {
                    format!(
                        "symlink loop: links back to {}, not followed",
                        display_path(ancestor)
                    )
                } else if is_broken_symlink(path, &error) {
                    "broken symlink".to_owned()
                } else {
                    format!("cannot read: {error}")
                };
                entries.push_back(Entry::Failed(failure(
                    &display_path(path),
                    None,
                    Some(relative(path)),
                    reason,
                )));
            }
        }
    }
}

fn is_broken_symlink(path: &Path, error: &walkdir::Error) -> bool {
    error
        .io_error()
        .is_some_and(|e| e.kind() == io::ErrorKind::NotFound)
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// What starting an input gave: a single record, or a stream of them.
pub(crate) enum Started {
    One(Record),
    Many(Box<dyn Iterator<Item = Record> + Send>),
}

/// Opens an input and reads it (a text file) or sets up reading it (a dump).
pub(crate) fn start(entry: Entry, settings: &Arc<Settings>, progress: &Arc<AtomicU64>) -> Started {
    match entry {
        Entry::Failed(record) => Started::One(record),
        Entry::File {
            path,
            shown,
            id,
            kind,
            compression,
            ..
        } => {
            let file = match File::open(&path) {
                Ok(file) => file,
                Err(e) => {
                    return Started::One(failure(
                        &shown,
                        None,
                        Some(id),
                        format!("cannot open: {e}"),
                    ))
                }
            };
            let counted = Counting {
                inner: file,
                progress: Arc::clone(progress),
            };
            let stream: Stream = match compression {
                Compression::None => Box::new(counted),
                Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(counted)),
                Compression::Zstd => match zstd::stream::read::Decoder::new(counted) {
                    Ok(decoder) => Box::new(decoder),
                    Err(e) => {
                        let reason = format!("cannot read zstd stream: {e}");
                        return Started::One(failure(&shown, None, Some(id), reason));
                    }
                },
            };
            read_input(kind, stream, shown, id, settings)
        }
        Entry::Stream { name, reader } => {
            let stream: Stream = Box::new(Counting {
                inner: reader,
                progress: Arc::clone(progress),
            });
            let (prefix, stream) = read_prefix(stream);
            let kind = if looks_like_jsonl(&prefix) {
                Kind::Jsonl
            } else {
                Kind::Text
            };
            let stream = Box::new(Cursor::new(prefix).chain(stream));
            read_input(kind, stream, name.clone(), name, settings)
        }
    }
}

/// Reads an opened input of a known kind.
fn read_input(
    kind: Kind,
    stream: Stream,
    path: String,
    id: String,
    settings: &Arc<Settings>,
) -> Started {
    let (mut prefix, mut stream) = read_prefix(stream);
    if is_binary(&prefix, settings.encoding) {
        return Started::One(failure(&path, None, Some(id), "binary file skipped"));
    }
    if kind == Kind::Text {
        let mut bytes = prefix;
        if let Err(e) = stream.read_to_end(&mut bytes) {
            return Started::One(failure(&path, None, Some(id), format!("read error: {e}")));
        }
        return Started::One(text::document(&bytes, path, id, settings));
    }
    // Dumps are decoded line by line; a byte order mark is dealt with here,
    // once, for the whole stream.
    let mut decoder = LineDecoder::default();
    decoder.forced = settings.encoding;
    let bom = Encoding::for_bom(&prefix);
    let utf16 = match bom {
        Some((encoding, len)) if encoding == UTF_8 => {
            prefix.drain(..len);
            decoder.forced = Some(UTF_8);
            None
        }
        Some((encoding, _)) => Some(encoding),
        None => settings
            .encoding
            .filter(|e| *e == UTF_16LE || *e == UTF_16BE),
    };
    let mut stream: Stream = Box::new(Cursor::new(prefix).chain(stream));
    if let Some(encoding) = utf16 {
        // Newlines in UTF-16 are two bytes; transcode to UTF-8 so the line
        // and CSV readers see bytes they understand.
        stream = Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .build(stream),
        );
        decoder.forced = None;
        decoder.transcoded_from = Some(encoding);
    }
    match kind {
        Kind::Csv(delimiter) => csv_dump::records(stream, delimiter, decoder, settings, path, id),
        _ => Started::Many(Box::new(jsonl::Records::new(
            stream, decoder, settings, path, id,
        ))),
    }
}

/// Reads up to [`SNIFF_BYTES`] from the start of `stream`, returning them
/// and the stream to read the rest from.
///
/// A read error is not returned here: the bytes before it are still
/// articles (or lines of one), so the error is put back to be met, and
/// reported with its line, where it happened.
fn read_prefix(stream: Stream) -> (Vec<u8>, Stream) {
    let mut prefix = Vec::with_capacity(SNIFF_BYTES);
    let mut limited = stream.take(SNIFF_BYTES as u64);
    let result = limited.read_to_end(&mut prefix);
    let stream = limited.into_inner();
    match result {
        Ok(_) => (prefix, stream),
        Err(e) => (prefix, Box::new(FailOnce(Some(e)))),
    }
}

/// A stream that fails with the error it holds, then ends.
struct FailOnce(Option<io::Error>);

impl Read for FailOnce {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// JSONL when the first byte that is not white space (or a UTF-8 BOM) is `{`.
fn looks_like_jsonl(prefix: &[u8]) -> bool {
    let body = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Leading bytes of formats that are never articles: images, archives,
/// executables, media, databases. Offset and magic.
const MAGIC: &[(usize, &[u8])] = &[
    (0, b"\x89PNG\r\n\x1a\n"),
    (0, b"\xFF\xD8\xFF"),
    (0, b"GIF87a"),
    (0, b"GIF89a"),
    (0, b"%PDF-"),
    (0, b"PK\x03\x04"),
    (0, b"PK\x05\x06"),
    (0, b"\x1F\x8B"),
    (0, b"\x28\xB5\x2F\xFD"),
    (0, b"\xFD7zXZ\x00"),
    (0, b"7z\xBC\xAF\x27\x1C"),
    (0, b"Rar!\x1A\x07"),
    (0, b"\x7FELF"),
    (0, b"II*\x00"),
    (0, b"MM\x00*"),
    (0, b"RIFF"),
    (0, b"OggS"),
    (0, b"SQLite format 3\x00"),
    (0, b"\xCA\xFE\xBA\xBE"),
    (0, b"\x00asm"),
    (0, b"wOFF"),
    (0, b"wOF2"),
    (4, b"ftyp"),
    (257, b"ustar"),
];

/// True for bytes that are not text: a known magic number, or a NUL byte
/// (which no text encoding but UTF-16 produces) without a UTF-16 BOM or a
/// forced UTF-16 encoding.
fn is_binary(prefix: &[u8], forced: Option<&'static Encoding>) -> bool {
    if MAGIC
        .iter()
        .any(|(offset, magic)| prefix.get(*offset..).is_some_and(|p| p.starts_with(magic)))
    {
        return true;
    }
    let utf16 = matches!(Encoding::for_bom(prefix), Some((e, _)) if e != UTF_8)
        || forced.is_some_and(|e| e == UTF_16LE || e == UTF_16BE);
    !utf16 && prefix.contains(&0)
}

/// Counts the bytes read through it, for progress reports.
struct Counting<R> {
    inner: R,
    progress: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_names() {
        let cases = [
            ("a.txt", Kind::Text, Compression::None, true),
            ("a.MD", Kind::Text, Compression::None, true),
            ("a.markdown.gz", Kind::Text, Compression::Gzip, true),
            ("a.jsonl.zst", Kind::Jsonl, Compression::Zstd, true),
            ("a.ndjson", Kind::Jsonl, Compression::None, true),
            ("a.csv", Kind::Csv(b','), Compression::None, true),
            ("a.tsv.gz", Kind::Csv(b'\t'), Compression::Gzip, true),
            ("a.png", Kind::Text, Compression::None, false),
            ("a.gz", Kind::Text, Compression::Gzip, false),
            ("README", Kind::Text, Compression::None, false),
        ];
        for (name, kind, compression, taken) in cases {
            assert_eq!(classify(name), (kind, compression, taken), "{name}");
        }
    }

    #[test]
    fn binary_detection() {
        let cases: [(&[u8], bool); 7] = [
            (b"plain text", false),
            (b"", false),
            (b"text\0with nul", true),
            (b"\x89PNG\r\n\x1a\nrest", true),
            (b"\xFF\xFEa\0b\0", false), // UTF-16LE with BOM
            (b"\x1F\x8B\x08\x00", true),
            (b"GIF89a", true),
        ];
        for (bytes, binary) in cases {
            assert_eq!(is_binary(bytes, None), binary, "{bytes:?}");
        }
        assert!(!is_binary(b"a\0b\0", Some(UTF_16LE)));
    }

    #[test]
    fn jsonl_sniffing() {
        assert!(looks_like_jsonl(b"\n  {\"text\": 1}"));
        assert!(looks_like_jsonl(b"\xEF\xBB\xBF{}"));
        assert!(!looks_like_jsonl(b"# title\n{"));
        assert!(!looks_like_jsonl(b""));
    }
}
