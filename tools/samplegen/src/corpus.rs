//! `samplegen corpus [--modes M1,M2…] <programs-dir> <out-dir>`: profile every program found under
//! a directory, in every mode, each into `<out-dir>/<program path>/<mode>/` (the layout
//! `buck2 profile loading --mode <mode> -o <dir>` writes), plus one event log of all their loads.
//!
//! A program is a project root: the topmost directory (the programs directory itself included)
//! that holds a `.buckconfig` or a `BUCK` file. Every `BUCK` below it is one of its packages; a
//! program with several packages is profiled as `buck2 profile loading //a: //b: …` merges them.

use std::path::Path;
use std::path::PathBuf;

use crate::event_log::LoadRecord;
use crate::summary;
use crate::Outputs;

/// Fixed trace id of the corpus event log (reruns give identical bytes).
const CORPUS_TRACE_ID: &str = "3f6d2a90-7c41-4e8b-a1d5-92b0c4e7f318";
/// The event log of all the programs' loads, beside their folders.
pub const EVENT_LOG: &str = "event-log.json-lines";

fn is_program_root(dir: &Path) -> bool {
    dir.join(".buckconfig").is_file() || dir.join("BUCK").is_file()
}

/// Every program root under `dir`, as paths relative to it (`""` when `dir` is one), sorted.
pub fn find_programs(dir: &Path) -> anyhow::Result<Vec<String>> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) -> anyhow::Result<()> {
        if is_program_root(dir) {
            out.push(rel.to_owned());
            return Ok(());
        }
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.flatten().filter(|e| e.path().is_dir()).collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().into_owned();
            walk(&e.path(), &if rel.is_empty() { name } else { format!("{rel}/{name}") }, out)?;
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    Ok(out)
}

/// The event-log label of one package of a program (`program/pkg`, or either alone).
fn label(program: &str, package: &str) -> String {
    [program, package].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("/")
}

/// Profile one program in `modes` and measure its packages' peaks.
fn generate_program(root: &Path, out: &Path, program: &str, outputs: &Outputs) -> anyhow::Result<(summary::Totals, Vec<LoadRecord>)> {
    let packages = crate::project::find_packages(root)?;
    anyhow::ensure!(!packages.is_empty(), "{} has a .buckconfig but no BUCK file", root.display());
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    let totals = crate::profile_all_modes(root, &packages, out, outputs)?;
    let records = crate::measure_peaks(root, &packages, |p| label(program, p))?;
    Ok((totals, records))
}

/// Profile every program under `programs` into `out`; a program that fails is reported and
/// skipped, and the run ends with an error naming every failure.
pub fn generate(programs: &Path, out: &Path, outputs: &Outputs) -> anyhow::Result<Vec<summary::Row>> {
    let found = find_programs(programs)?;
    anyhow::ensure!(!found.is_empty(), "no program (a folder with a BUCK file or a .buckconfig) under {}", programs.display());
    let mut rows = Vec::new();
    let mut records = Vec::new();
    let mut failed = Vec::new();
    for program in &found {
        let root: PathBuf = programs.join(program);
        match generate_program(&root, &out.join(program), program, outputs) {
            Ok((totals, mut recs)) => {
                let peak = recs.iter().map(|r| r.peak_allocated_bytes).max();
                rows.push(summary::Row::program(if program.is_empty() { "." } else { program }, totals, peak));
                records.append(&mut recs);
                eprintln!("samplegen: {} done", root.display());
            }
            Err(e) => {
                eprintln!("samplegen: {} failed: {e:#}", root.display());
                failed.push(root.display().to_string());
            }
        }
    }
    crate::write_log(&out.join(EVENT_LOG), CORPUS_TRACE_ID, &records)?;
    anyhow::ensure!(failed.is_empty(), "{} of {} programs failed: {}", failed.len(), found.len(), failed.join(", "));
    Ok(rows)
}

/// Parse `M1,M2,…` against the profiler's modes.
pub fn parse_modes(list: &str) -> anyhow::Result<Vec<&'static str>> {
    list.split(',')
        .map(|m| {
            crate::output::MODES
                .iter()
                .copied()
                .find(|known| *known == m)
                .ok_or_else(|| anyhow::anyhow!("unknown mode `{m}`; modes: {}", crate::output::MODES.join(", ")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::find_programs;
    use super::label;

    #[test]
    fn programs_are_the_topmost_project_roots() {
        let dir = std::env::temp_dir().join(format!("samplegen-corpus-{}", std::process::id()));
        for (path, text) in [
            ("a/BUCK", ""),
            ("a/sub/BUCK", ""),
            ("group/b/BUCK", ""),
            ("multi/.buckconfig", ""),
            ("multi/x/BUCK", ""),
            ("notes/README.md", ""),
        ] {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        let found = find_programs(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found.unwrap(), ["a", "group/b", "multi"]);
    }

    #[test]
    fn labels() {
        assert_eq!(label("a/b", ""), "a/b");
        assert_eq!(label("a", "apps/web"), "a/apps/web");
        assert_eq!(label("", "x"), "x");
    }
}
