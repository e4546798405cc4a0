//! Atomic output files: written under a hidden temporary name in the output
//! directory and renamed into place only when the run finishes.
//!
//! A rename within one directory is atomic, so a reader (or a rerun after a
//! crash) sees either no `documents.jsonl` or a complete one, never half of
//! it. The temporary names start with a dot and end in `.tmp`, so nothing
//! that looks like a finished output exists before [`TempFiles::commit`].

use crate::ExportError;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// Output files in progress: their temporary and final paths.
///
/// Dropping the guard without committing removes the temporary files, so an
/// error or an abort leaves the output directory as it was.
#[derive(Debug, Default)]
pub(crate) struct TempFiles {
    pending: Vec<(PathBuf, PathBuf)>,
}

impl TempFiles {
    /// The temporary path of the output `name` in `dir`.
    pub(crate) fn temp_path(dir: &Path, name: &str) -> PathBuf {
        dir.join(format!(".{name}.tmp"))
    }

    /// Creates the temporary file for output `name` and registers it.
    pub(crate) fn create(
        &mut self,
        dir: &Path,
        name: &str,
    ) -> Result<BufWriter<File>, ExportError> {
        self.create_as(dir, name, dir.join(name))
    }

    /// Creates the temporary file for `name`, to be renamed to `dest` (an
    /// empty `dest` marks a scratch file).
    fn create_as(
        &mut self,
        dir: &Path,
        name: &str,
        dest: PathBuf,
    ) -> Result<BufWriter<File>, ExportError> {
        let tmp = Self::temp_path(dir, name);
        let file = File::create(&tmp).map_err(|source| ExportError::Io {
            path: tmp.clone(),
            source,
        })?;
        self.pending.push((tmp, dest));
        // Large buffers: the writer thread shares the cores with the
        // analysis, and every 8 KiB flush would be a system call.
        Ok(BufWriter::with_capacity(1 << 18, file))
    }

    /// Registers a temporary path that another library writes (the workbook).
    pub(crate) fn register(&mut self, dir: &Path, name: &str) -> PathBuf {
        let tmp = Self::temp_path(dir, name);
        self.pending.push((tmp.clone(), dir.join(name)));
        tmp
    }

    /// Registers a scratch file that is removed on drop and never renamed.
    pub(crate) fn scratch(
        &mut self,
        dir: &Path,
        name: &str,
    ) -> Result<BufWriter<File>, ExportError> {
        self.create_as(dir, name, PathBuf::new())
    }

    /// Final names of the outputs, in creation order.
    pub(crate) fn outputs(&self) -> Vec<String> {
        self.pending
            .iter()
            .filter(|(_, dest)| !dest.as_os_str().is_empty())
            .filter_map(|(_, dest)| dest.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect()
    }

    /// Renames every output into place and removes scratch files.
    ///
    /// Every writer must have been flushed and closed before.
    pub(crate) fn commit(mut self) -> Result<(), ExportError> {
        let pending = std::mem::take(&mut self.pending);
        let mut iter = pending.into_iter();
        while let Some((tmp, dest)) = iter.next() {
            let result = if dest.as_os_str().is_empty() {
                std::fs::remove_file(&tmp).map_err(|source| ExportError::Io {
                    path: tmp.clone(),
                    source,
                })
            } else {
                std::fs::rename(&tmp, &dest).map_err(|source| ExportError::Rename {
                    from: tmp.clone(),
                    to: dest.clone(),
                    source,
                })
            };
            if let Err(e) = result {
                // Leave no temporary file behind, even after a failed rename.
                self.pending = iter.collect();
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        }
        Ok(())
    }
}

impl Drop for TempFiles {
    fn drop(&mut self) {
        for (tmp, _) in &self.pending {
            // Best effort: the file may never have been created (the
            // workbook is written only at the end).
            let _ = std::fs::remove_file(tmp);
        }
    }
}
