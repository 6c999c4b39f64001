//! Build script: stamps the binary with a hash of the code that extracts a
//! decision from a file (everything under `src/parse/`, faults.toml included,
//! and `src/walk/`, which decodes the text the parser reads), as the
//! environment variable `OMBUDS_EXTRACTOR` (16 hex digits). An index records
//! the stamp of each decision it holds, so that `ingest` re-reads files read
//! by other extraction code and the reading commands can say the index is
//! stale. Any change to those sources changes the stamp, even one that only
//! touches a comment: a needless re-read costs time, a missed one serves
//! stale figures.

use std::path::{Path, PathBuf};

/// The folders whose sources decide what is extracted from a file.
const EXTRACTION_SOURCES: &[&str] = &["src/parse", "src/walk"];

fn main() {
    let mut files = Vec::new();
    for dir in EXTRACTION_SOURCES {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    // FNV-1a over each file's path and bytes: stable across Rust versions
    // and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let name = file.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for byte in name.bytes().chain([0]).chain(bytes).chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=OMBUDS_EXTRACTOR={hash:016x}");
}

/// Every file under `dir`, recursively.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
