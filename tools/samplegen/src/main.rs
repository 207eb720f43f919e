//! peakscope's sample generator: runs our Starlark programs under the real starlark-rust
//! profiler (the `starlark` crate Buck2 embeds) and writes what `buck2 profile loading` would.
//!
//! Usage: `samplegen all <programs-dir> <out-dir>` regenerates every generated sample;
//! `samplegen corpus [--modes M1,M2…] <programs-dir> <out-dir>` profiles every program found under a
//! directory (see corpus.rs).

mod corpus;
mod event_log;
mod log_timeline;
mod natives;
mod neutral_paths;
mod output;
mod pb_log;
mod project;
mod summary;

use std::path::Path;

use anyhow::Context;

use crate::event_log::LoadRecord;
use crate::project::Session;

/// The five causes of the Buck2 guide "Debugging Excess Starlark Peak Memory".
const CASES: [&str; 5] = [
    "loop-invariant-call",
    "huge-collection",
    "materialize-then-process",
    "dict-view-in-loop",
    "rare-case-allocation",
];
const VARIANTS: [&str; 2] = ["before", "after"];
const CAUSES_TRACE_ID: &str = "5a3c1f0e-2b7d-4c61-9e8a-0d4f6b2c7a11";
const MONOREPO_TRACE_ID: &str = "8e1b7c42-96d0-4f3a-b5e2-3c9a0f61d7b4";
/// Fixed `<YYYY-MM-DD-HH-MM>-<trace_id>` folder of the `--profile-patterns` sample.
const PATTERNS_DIR: &str = "2026-11-25-10-00-8e1b7c42-96d0-4f3a-b5e2-3c9a0f61d7b4";
const PATTERNS_MODE: &str = "heap-allocated";
/// The corpus `all` regenerates: `<programs-dir>/corpus` into `<out-dir>/corpus`.
const CORPUS_DIR: &str = "corpus";
/// What the committed corpus keeps: the modes the analysis reads, without `flame.svg` (drawn from
/// `flame.src`, read by nothing, 21 kB a program). The rest (time flames above all, whose bytes
/// change on every run) is generated on demand with `corpus`.
const CORPUS_OUTPUTS: Outputs = Outputs {
    modes: &["heap-flame-allocated", "heap-summary-allocated", "statement", "coverage"],
    svg: false,
};
/// Everything `buck2 profile loading` writes, in every mode.
const ALL_OUTPUTS: Outputs = Outputs { modes: &output::MODES, svg: true };

/// Which profiles a run writes.
pub struct Outputs {
    modes: &'static [&'static str],
    /// `flame.svg` beside each `flame.src`, as Buck2 writes it.
    svg: bool,
}

/// Profile `packages` of the project at `root` in every mode, merged like
/// `buck2 profile loading --mode M -o out/M //pkg1: //pkg2: …`.
fn profile_all_modes(root: &Path, packages: &[String], out: &Path, outputs: &Outputs) -> anyhow::Result<summary::Totals> {
    let mut totals = summary::Totals::default();
    for &name in outputs.modes {
        let mode = output::parse_mode(name)?;
        let session = Session::new(root, None);
        let mut profiles = Vec::new();
        for package in packages {
            let result = session.eval_build_file(package, Some(&mode))?;
            profiles.push(result.eval.profile.context("no profile collected")?);
        }
        let merged = output::merge(&profiles)?;
        let targets: Vec<String> = packages.iter().map(|p| project::build_file_eval_kind(p)).collect();
        output::write_profile_dir(&out.join(name), &merged, &targets, outputs.svg)?;
        totals.record(name, &merged)?;
    }
    Ok(totals)
}

/// Evaluate each package with GC on and no profiler, as a plain Buck2 load would.
fn measure_peaks(root: &Path, packages: &[String], label: impl Fn(&str) -> String) -> anyhow::Result<Vec<LoadRecord>> {
    let session = Session::new(root, None);
    packages
        .iter()
        .map(|package| {
            let r = session.eval_build_file(package, None)?;
            Ok(LoadRecord {
                package: label(package),
                peak_allocated_bytes: r.eval.peak_allocated_bytes,
                tick_count: r.eval.tick_count,
                target_count: r.package.targets.len() as u64,
                limit: r.package.peak_limit,
            })
        })
        .collect()
}

fn write_log(path: &Path, trace_id: &str, records: &[LoadRecord]) -> anyhow::Result<String> {
    let text = event_log::render(trace_id, &event_log::uquery_patterns(records), records);
    std::fs::create_dir_all(path.parent().unwrap())?;
    std::fs::write(path, &text)?;
    Ok(text)
}

/// Remove what a previous run generated, so renamed programs leave nothing stale behind.
fn clean(out: &Path) -> anyhow::Result<()> {
    for dir in CASES.iter().chain(&["monorepo", "event-logs", CORPUS_DIR, pb_log::BUCK_OUT, pb_log::COPIES]) {
        let path = out.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

fn generate_all(programs: &Path, out: &Path) -> anyhow::Result<()> {
    clean(out)?;
    let root_only = vec![String::new()];
    let mut rows = Vec::new();
    let mut cause_records = Vec::new();
    for case in CASES {
        for variant in VARIANTS {
            let root = programs.join(case).join(variant);
            let totals = profile_all_modes(&root, &root_only, &out.join(case).join(variant), &ALL_OUTPUTS)?;
            let mut records = measure_peaks(&root, &root_only, |_| format!("{case}/{variant}"))?;
            rows.push(summary::Row::new(&format!("{case}/{variant}"), totals, &records[0]));
            cause_records.append(&mut records);
            eprintln!("samplegen: {case}/{variant} done");
        }
    }
    write_log(&out.join("event-logs/causes.json-lines"), CAUSES_TRACE_ID, &cause_records)?;
    pb_log::write_sample(out, CAUSES_TRACE_ID, &cause_records, None)?;

    let mono_root = programs.join("monorepo");
    let packages = project::find_packages(&mono_root)?;
    let totals = profile_all_modes(&mono_root, &packages, &out.join("monorepo"), &ALL_OUTPUTS)?;
    let mono_records = measure_peaks(&mono_root, &packages, str::to_owned)?;
    for r in &mono_records {
        rows.push(summary::Row::new(&format!("monorepo/{}", r.package), summary::Totals::default(), r));
    }
    rows.push(summary::Row::merged("monorepo (all packages)", totals));
    let log_path = out.join("event-logs/monorepo.json-lines");
    let text = write_log(&log_path, MONOREPO_TRACE_ID, &mono_records)?;
    event_log::write_compressed(&log_path, &text)?;
    pb_log::write_sample(out, MONOREPO_TRACE_ID, &mono_records, Some("monorepo"))?;
    eprintln!("samplegen: monorepo done");

    write_patterns(&mono_root, &packages, &out.join("monorepo/profile-patterns").join(PATTERNS_DIR))?;
    let table = summary::render(&rows);
    print!("{table}");
    summary::splice_into_readme(&out.join("README.md"), summary::FIGURES, &table)?;

    let corpus_rows = corpus::generate(&programs.join(CORPUS_DIR), &out.join(CORPUS_DIR), &CORPUS_OUTPUTS)?;
    let corpus_table = summary::render_totals(&corpus_rows);
    print!("\n{corpus_table}");
    summary::splice_into_readme(&out.join("README.md"), summary::CORPUS_FIGURES, &corpus_table)
}

fn generate_corpus(outputs: &Outputs, programs: &str, out: &str) -> anyhow::Result<()> {
    let rows = corpus::generate(Path::new(programs), Path::new(out), outputs)?;
    print!("{}", summary::render_totals(&rows));
    Ok(())
}

/// `buck2 uquery … --profile-patterns load --profile-patterns-mode heap-allocated`: every
/// evaluation whose identifier matches (`.bzl` modules and BUCK files) gets its own profile.
fn write_patterns(root: &Path, packages: &[String], base: &Path) -> anyhow::Result<()> {
    let mode = output::parse_mode(PATTERNS_MODE)?;
    let session = Session::new(root, Some(mode.clone()));
    let mut evals = Vec::new();
    for package in packages {
        let result = session.eval_build_file(package, Some(&mode))?;
        // `.bzl` modules this BUCK file loaded for the first time finished before it.
        evals.append(&mut session.bzl_profiles.borrow_mut());
        evals.push((project::build_file_eval_kind(package), result.eval.profile.context("no profile")?));
    }
    output::write_patterns_tree(base, &evals)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["all", programs, out] => generate_all(Path::new(programs), Path::new(out)),
        ["corpus", programs, out] => generate_corpus(&ALL_OUTPUTS, programs, out),
        ["corpus", "--modes", modes, programs, out] => {
            let modes: &'static [&'static str] = corpus::parse_modes(modes)?.leak();
            generate_corpus(&Outputs { modes, svg: true }, programs, out)
        }
        _ => anyhow::bail!(
            "usage: samplegen all <programs-dir> <out-dir>\n       samplegen corpus [--modes M1,M2,…] <programs-dir> <out-dir>"
        ),
    }
}
