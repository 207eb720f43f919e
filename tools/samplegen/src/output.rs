//! Writes profiles in the layouts Buck2 uses (formats.md §9.2): the `buck2 profile loading -o DIR`
//! directory and the `--profile-patterns-output` tree. The file contents are exactly what
//! `ProfileData::gen_csv` / `gen_flame_data` return; only the layout is ours to reproduce.

use std::path::Path;

use anyhow::Context;
use starlark::eval::ProfileData;
use starlark::eval::ProfileMode;

/// Every profiler mode, in the order of the issue.
pub const MODES: [&str; 11] = [
    "heap-summary-allocated",
    "heap-summary-retained",
    "heap-flame-allocated",
    "heap-flame-retained",
    "heap-allocated",
    "time-flame",
    "statement",
    "coverage",
    "typecheck",
    "bytecode",
    "bytecode-pairs",
];

pub fn parse_mode(name: &str) -> anyhow::Result<ProfileMode> {
    name.parse::<ProfileMode>().map_err(|e| anyhow::anyhow!("mode {name}: {e}"))
}

/// `ProfileData::gen_csv`, with the error as `anyhow` and the Cargo registry prefix made neutral.
pub fn csv(data: &ProfileData) -> anyhow::Result<String> {
    let text = data.gen_csv().map_err(starlark::Error::into_anyhow)?;
    Ok(crate::neutral_paths::neutral_registry_paths(&text))
}

/// `ProfileData::gen_flame_data`, with the error as `anyhow`.
pub fn flame(data: &ProfileData) -> anyhow::Result<Option<String>> {
    data.gen_flame_data().map_err(starlark::Error::into_anyhow)
}

/// `ProfileData::merge` (one profile is returned as is), with the error as `anyhow`.
pub fn merge<'a>(profiles: impl IntoIterator<Item = &'a ProfileData>) -> anyhow::Result<ProfileData> {
    ProfileData::merge(profiles).map_err(starlark::Error::into_anyhow)
}

fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

/// Buck2's `write_starlark_flamegraph`: an empty profile becomes `empty 1` ("inferno does not like
/// empty flamegraphs"), then `<prefix>.src` gets the folded text and `<prefix>.svg` inferno's SVG.
/// One option differs from Buck2's defaults: `deterministic` colours (hashed from frame names
/// instead of random), so reruns give identical bytes. `svg: false` leaves the SVG out (see
/// `Outputs::svg`).
fn write_flame(prefix: &Path, profile: String, title: Option<String>, svg: bool) -> anyhow::Result<()> {
    let profile = if profile.is_empty() { "empty 1\n".to_owned() } else { profile };
    write(&with_ext(prefix, ".src"), &profile)?;
    if !svg {
        return Ok(());
    }
    let mut options = inferno::flamegraph::Options::default();
    options.deterministic = true;
    if let Some(title) = title {
        options.title = title;
    }
    let mut svg = Vec::new();
    inferno::flamegraph::from_reader(&mut options, profile.as_bytes(), &mut svg)
        .context("inferno could not draw the flame graph")?;
    std::fs::write(with_ext(prefix, ".svg"), svg).context("writing flame.svg")
}

fn with_ext(prefix: &Path, ext: &str) -> std::path::PathBuf {
    let mut p = prefix.as_os_str().to_owned();
    p.push(ext);
    p.into()
}

/// Buck2's SVG title: `Flame Graph - <mode> on <target>` (`… and N more` for several).
fn title(data: &ProfileData, targets: &[String]) -> String {
    let base = format!("Flame Graph - {}", data.profile_mode());
    match targets {
        [] => base,
        [one] => format!("{base} on {one}"),
        [first, rest @ ..] => format!("{base} on {first} and {} more", rest.len()),
    }
}

fn is_heap_flame_only(data: &ProfileData) -> bool {
    matches!(data.profile_mode(), ProfileMode::HeapFlameAllocated | ProfileMode::HeapFlameRetained)
}

/// `buck2 profile loading --mode M -o DIR`: `targets.txt`, `flame.src` + `flame.svg` for flame
/// modes and `profile.csv` for every mode except heap-flame-*.
pub fn write_profile_dir(dir: &Path, data: &ProfileData, targets: &[String], svg: bool) -> anyhow::Result<()> {
    let listing: String = targets.iter().map(|t| format!("{t}\n")).collect();
    write(&dir.join("targets.txt"), &listing)?;
    if let Some(flame) = flame(data)? {
        write_flame(&dir.join("flame"), flame, Some(title(data, targets)), svg)?;
    }
    if !is_heap_flame_only(data) {
        write(&dir.join("profile.csv"), &csv(data)?)?;
    }
    Ok(())
}

/// `StarlarkEvalKind::as_path`: `,(): ` become `_`, `//` becomes `/`, a trailing `/` goes.
pub fn eval_kind_path(kind: &str) -> String {
    let mut path = kind.to_owned();
    for c in [',', '(', ')', ':', ' '] {
        path = path.replace(c, "_");
    }
    path = path.replace("//", "/");
    path.strip_suffix('/').map(str::to_owned).unwrap_or(path)
}

/// `--profile-patterns` files: `<prefix>.profile` always, `.src`/`.svg` (default title) for flames.
fn write_prefixed(prefix: &Path, data: &ProfileData) -> anyhow::Result<()> {
    write(&with_ext(prefix, ".profile"), &csv(data)?)?;
    if let Some(flame) = flame(data)? {
        write_flame(prefix, flame, None, true)?;
    }
    Ok(())
}

/// The `--profile-patterns-output DIR` tree: `<eval-kind-path>.profile` (+ `.src`) per
/// evaluation, repeated identifiers suffixed `-2`, `-3`…, then `merged.*` and `all_keys.list`
/// (identifiers joined by `\n`, no trailing newline).
pub fn write_patterns_tree(base: &Path, evals: &[(String, ProfileData)]) -> anyhow::Result<()> {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (kind, data) in evals {
        let path = eval_kind_path(kind);
        let n = seen.entry(path.clone()).or_insert(0);
        *n += 1;
        let suffix = if *n == 1 { String::new() } else { format!("-{n}") };
        write_prefixed(&base.join(format!("{path}{suffix}")), data)?;
    }
    let merged = merge(evals.iter().map(|(_, d)| d))?;
    let keys: Vec<&str> = evals.iter().map(|(k, _)| k.as_str()).collect();
    write(&base.join("all_keys.list"), &keys.join("\n"))?;
    write_prefixed(&base.join("merged"), &merged)
}

#[cfg(test)]
mod tests {
    use super::eval_kind_path;

    #[test]
    fn kind_paths() {
        assert_eq!(eval_kind_path("load/root//"), "load/root");
        assert_eq!(eval_kind_path("load/root//apps/web"), "load/root/apps/web");
        assert_eq!(eval_kind_path("load_bzl/root//defs/cxx.bzl"), "load_bzl/root/defs/cxx.bzl");
        assert_eq!(eval_kind_path("unknown/Check starlark(x)"), "unknown/Check_starlark_x_");
    }
}
