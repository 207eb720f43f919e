//! A tiny Buck2-like loading stage over a directory of Starlark files: a project root (cell
//! `root`), packages (directories with a `BUCK` file) and `.bzl` files they `load()`.
//!
//! As in Buck2, every file is parsed under its project-relative path, so profiler frames come out
//! as `macros/defs.bzl.my_macro` (docs/formats.md §1.3), and `.bzl` modules are evaluated and frozen
//! *before* the BUCK file that loads them (Buck2 loads them through DICE), so a BUCK profile only
//! sees the BUCK file's own evaluation.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::path::PathBuf;

use anyhow::Context;
use starlark::environment::FrozenModule;
use starlark::environment::Globals;
use starlark::environment::GlobalsBuilder;
use starlark::environment::LibraryExtension;
use starlark::environment::Module;
use starlark::eval::Evaluator;
use starlark::eval::FileLoader;
use starlark::eval::ProfileData;
use starlark::eval::ProfileMode;
use starlark::syntax::AstModule;
use starlark::syntax::Dialect;

use crate::natives;

/// The cell every sample project lives in.
pub const CELL: &str = "root";

/// What one evaluation of a file produced.
pub struct Evaluated {
    pub frozen: FrozenModule,
    /// The profile, when a mode was enabled (retained modes: taken from the frozen module).
    pub profile: Option<ProfileData>,
    /// `Heap::peak_allocated_bytes` of the module's heap right after evaluation.
    pub peak_allocated_bytes: u64,
    /// `Evaluator::get_total_tick_count`: function calls + loop back-edges (deterministic).
    pub tick_count: u64,
}

/// Result of evaluating one BUCK file.
pub struct BuildFileResult {
    pub eval: Evaluated,
    pub package: natives::PackageState,
}

/// One loading session (one "buck2 invocation"): `.bzl` modules are evaluated once and cached.
pub struct Session {
    root: PathBuf,
    globals: Globals,
    /// Profile `.bzl` evaluations too (what `--profile-patterns load` does).
    bzl_mode: Option<ProfileMode>,
    cache: RefCell<HashMap<String, FrozenModule>>,
    /// `(StarlarkEvalKind display, profile)` of every profiled `.bzl` evaluation, in completion order.
    pub bzl_profiles: RefCell<Vec<(String, ProfileData)>>,
}

fn dialect() -> Dialect {
    Dialect::Extended
}

fn globals() -> Globals {
    use LibraryExtension::*;
    GlobalsBuilder::extended_by(&[
        StructType, RecordType, EnumType, Map, Filter, Partial, Debug, Print, Json, Typing, SetType,
    ])
    .with(natives::build_natives)
    .build()
}

/// The eval-kind identifier Buck2 prints in `targets.txt` for a BUCK file (`load/root//pkg`).
pub fn build_file_eval_kind(package: &str) -> String {
    format!("load/{CELL}//{package}")
}

/// The eval-kind identifier of a `.bzl` module (`load_bzl/root//path/defs.bzl`).
pub fn bzl_eval_kind(path: &str) -> String {
    format!("load_bzl/{CELL}//{path}")
}

fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Resolve a `load()` string the way Buck2 does for the cases our programs use:
/// `//pkg:file.bzl`, `root//pkg:file.bzl` (cell-absolute) and `:file.bzl` (same package).
pub fn resolve_load(from_dir: &str, load: &str) -> anyhow::Result<String> {
    let (dir, file) = if let Some(rest) = load.strip_prefix(':') {
        (from_dir, rest)
    } else {
        let rest = load
            .strip_prefix("//")
            .or_else(|| load.strip_prefix(&format!("{CELL}//")))
            .with_context(|| format!("unsupported load path `{load}`"))?;
        rest.split_once(':')
            .with_context(|| format!("load path `{load}` has no `:`"))?
    };
    anyhow::ensure!(!file.contains(':') && file.ends_with(".bzl"), "bad load path `{load}`");
    Ok(if dir.is_empty() { file.to_owned() } else { format!("{dir}/{file}") })
}

/// Modules a file's `load()` statements refer to, already evaluated.
struct Preloaded(HashMap<String, FrozenModule>);

impl FileLoader for Preloaded {
    fn load(&self, path: &str) -> starlark::Result<FrozenModule> {
        self.0
            .get(path)
            .cloned()
            .ok_or_else(|| starlark::Error::new_other(anyhow::anyhow!("not preloaded: {path}")))
    }
}

impl Session {
    pub fn new(root: &Path, bzl_mode: Option<ProfileMode>) -> Self {
        Session {
            root: root.to_owned(),
            globals: globals(),
            bzl_mode,
            cache: RefCell::new(HashMap::new()),
            bzl_profiles: RefCell::new(Vec::new()),
        }
    }

    fn parse(&self, rel: &str) -> anyhow::Result<AstModule> {
        let path = self.root.join(rel);
        let content =
            std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        AstModule::parse(rel, content, &dialect()).map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// Evaluate (and cache) every module `ast` loads, depth-first, before `ast` itself runs.
    fn preload(&self, ast: &AstModule, from_dir: &str) -> anyhow::Result<Preloaded> {
        let mut map = HashMap::new();
        for load in ast.loads() {
            let rel = resolve_load(from_dir, load.module_id)?;
            map.insert(load.module_id.to_owned(), self.load_bzl(&rel)?);
        }
        Ok(Preloaded(map))
    }

    fn load_bzl(&self, rel: &str) -> anyhow::Result<FrozenModule> {
        if let Some(m) = self.cache.borrow().get(rel) {
            return Ok(m.clone());
        }
        let ast = self.parse(rel)?;
        let loader = self.preload(&ast, parent_dir(rel))?;
        let evaluated = self.eval(ast, &loader, self.bzl_mode.as_ref())?;
        if let Some(profile) = evaluated.profile {
            self.bzl_profiles.borrow_mut().push((bzl_eval_kind(rel), profile));
        }
        self.cache.borrow_mut().insert(rel.to_owned(), evaluated.frozen.clone());
        Ok(evaluated.frozen)
    }

    /// Evaluate one module on a fresh heap (GC allowed unless a heap profile disables it),
    /// then freeze it like upstream's profiler test does for retained modes.
    fn eval(
        &self,
        ast: AstModule,
        loader: &Preloaded,
        mode: Option<&ProfileMode>,
    ) -> anyhow::Result<Evaluated> {
        let err = |e: starlark::Error| anyhow::anyhow!("{e}");
        Module::with_temp_heap(|module| {
            let mut eval = Evaluator::new(&module);
            eval.set_loader(loader);
            if let Some(mode) = mode {
                eval.enable_profile(mode)?;
            }
            eval.eval_module(ast, &self.globals).map_err(err)?;
            let tick_count = eval.get_total_tick_count();
            let peak_allocated_bytes = module.heap().peak_allocated_bytes() as u64;
            let retained = matches!(
                mode,
                Some(ProfileMode::HeapSummaryRetained | ProfileMode::HeapFlameRetained | ProfileMode::HeapRetained)
            );
            let mut profile = match mode {
                Some(_) if !retained => Some(eval.gen_profile().map_err(err)?),
                _ => None,
            };
            drop(eval);
            let frozen = module.freeze().map_err(anyhow::Error::from)?;
            if retained {
                profile = Some(frozen.heap_profile()?);
            }
            Ok(Evaluated { frozen, profile, peak_allocated_bytes, tick_count })
        })
    }

    /// Evaluate the BUCK file of `package` (`""` = the root package).
    pub fn eval_build_file(
        &self,
        package: &str,
        mode: Option<&ProfileMode>,
    ) -> anyhow::Result<BuildFileResult> {
        let rel = if package.is_empty() { "BUCK".to_owned() } else { format!("{package}/BUCK") };
        let ast = self.parse(&rel)?;
        let loader = self.preload(&ast, package)?;
        natives::begin_package(self.root.join(package), package);
        let result = self.eval(ast, &loader, mode);
        let state = natives::end_package();
        let eval = result.with_context(|| format!("evaluating {}", self.root.join(&rel).display()))?;
        Ok(BuildFileResult { eval, package: state })
    }
}

/// Every package (directory holding a `BUCK` file) below `root`, sorted, `""` for the root.
pub fn find_packages(root: &Path) -> anyhow::Result<Vec<String>> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) -> anyhow::Result<()> {
        if dir.join("BUCK").is_file() {
            out.push(rel.to_owned());
        }
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            if e.path().is_dir() {
                let name = e.file_name().to_string_lossy().into_owned();
                let child = if rel.is_empty() { name } else { format!("{rel}/{name}") };
                walk(&e.path(), &child, out)?;
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, "", &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::resolve_load;

    #[test]
    fn load_paths() {
        assert_eq!(resolve_load("", ":defs.bzl").unwrap(), "defs.bzl");
        assert_eq!(resolve_load("a/b", ":defs.bzl").unwrap(), "a/b/defs.bzl");
        assert_eq!(resolve_load("x", "//build_defs:cxx.bzl").unwrap(), "build_defs/cxx.bzl");
        assert_eq!(resolve_load("x", "root//:top.bzl").unwrap(), "top.bzl");
        assert!(resolve_load("", "defs.bzl").is_err());
    }
}
