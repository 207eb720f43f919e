//! The few Buck2-like native functions a BUCK file needs: rule functions that record targets,
//! `glob`, `package_name`, `read_config` and `set_starlark_peak_allocated_byte_limit`. `fail` comes from the
//! standard library. Natives are not profiler frames (formats.md §1.3): whatever they allocate
//! on the Starlark heap is charged to the calling `def`, as in Buck2.

use std::cell::RefCell;
use std::path::PathBuf;

use starlark::collections::SmallMap;
use starlark::environment::GlobalsBuilder;
use starlark::starlark_module;
use starlark::values::list_or_tuple::UnpackListOrTuple;
use starlark::values::none::NoneType;
use starlark::values::Value;

/// What one BUCK file evaluation produced, kept outside the Starlark heap (Buck2 also keeps
/// target nodes in Rust memory, so recording a target allocates nothing the profiler sees).
#[derive(Default)]
pub struct PackageState {
    /// Directory of the package on disk (for `glob`).
    pub dir: PathBuf,
    /// Package path relative to the project root (`""` for the root package).
    pub package: String,
    /// Recorded targets: (rule type, name).
    pub targets: Vec<(String, String)>,
    /// Value passed to `set_starlark_peak_allocated_byte_limit`, if any.
    pub peak_limit: Option<u64>,
}

thread_local! {
    static STATE: RefCell<PackageState> = RefCell::new(PackageState::default());
}

/// Start a fresh package; returns whatever the previous evaluation left behind.
pub fn begin_package(dir: PathBuf, package: &str) -> PackageState {
    STATE.with(|s| {
        s.replace(PackageState {
            dir,
            package: package.to_owned(),
            ..PackageState::default()
        })
    })
}

/// Take the state of the package just evaluated.
pub fn end_package() -> PackageState {
    STATE.with(|s| s.take())
}

fn record_target(rule: &str, name: &str, attrs: &SmallMap<String, Value>) -> anyhow::Result<NoneType> {
    if name.is_empty() {
        anyhow::bail!("{rule}: target name must not be empty");
    }
    // Touch every attribute the way Buck2's coercion reads them (in Rust, no Starlark allocation).
    let _attr_count = attrs.len();
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.targets.iter().any(|(_, n)| n == name) {
            anyhow::bail!(
                "Attempted to register target root//{}:{} twice",
                s.package,
                name
            );
        }
        s.targets.push((rule.to_owned(), name.to_owned()));
        Ok(NoneType)
    })
}

/// `*` matches within one path component, `**` any number of components, `?` one character.
fn glob_match(pattern: &[u8], path: &[u8]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((b'*', rest)) if rest.first() == Some(&b'*') => {
            let rest = rest[1..].strip_prefix(b"/").unwrap_or(&rest[1..]);
            (0..=path.len()).any(|i| (i == 0 || path[i - 1] == b'/') && glob_match(rest, &path[i..]))
        }
        Some((b'*', rest)) => (0..=path.len())
            .take_while(|&i| i == 0 || path[i - 1] != b'/')
            .any(|i| glob_match(rest, &path[i..])),
        Some((b'?', rest)) => !path.is_empty() && path[0] != b'/' && glob_match(rest, &path[1..]),
        Some((c, rest)) => path.first() == Some(c) && glob_match(rest, &path[1..]),
    }
}

fn list_files(dir: &PathBuf, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        let path = entry.path();
        if path.is_dir() {
            // A directory with its own BUCK file is another package: glob stops there.
            if !path.join("BUCK").exists() {
                list_files(&path, &format!("{rel}/"), out);
            }
        } else if name != "BUCK" {
            out.push(rel);
        }
    }
}

fn glob_impl(include: &[String], exclude: &[String]) -> Vec<String> {
    let dir = STATE.with(|s| s.borrow().dir.clone());
    let mut files = Vec::new();
    list_files(&dir, "", &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|f| include.iter().any(|p| glob_match(p.as_bytes(), f.as_bytes())))
        .filter(|f| !exclude.iter().any(|p| glob_match(p.as_bytes(), f.as_bytes())))
        .collect()
}

#[starlark_module]
pub fn build_natives(builder: &mut GlobalsBuilder) {
    /// A C++ library target.
    fn cxx_library<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("cxx_library", name, &attrs)
    }

    /// A C++ binary target.
    fn cxx_binary<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("cxx_binary", name, &attrs)
    }

    /// A Python library target.
    fn python_library<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("python_library", name, &attrs)
    }

    /// A generic command target.
    fn genrule<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("genrule", name, &attrs)
    }

    /// A Rust library target.
    fn rust_library<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("rust_library", name, &attrs)
    }

    /// A Java library target.
    fn java_library<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("java_library", name, &attrs)
    }

    /// A Go binary target.
    fn go_binary<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("go_binary", name, &attrs)
    }

    /// A named group of files.
    fn filegroup<'v>(
        #[starlark(require = named)] name: &str,
        #[starlark(kwargs)] attrs: SmallMap<String, Value<'v>>,
    ) -> anyhow::Result<NoneType> {
        record_target("filegroup", name, &attrs)
    }

    /// `read_config(section, key, default)`: no `.buckconfig` values are set, so the default
    /// (as Buck2 returns it for an unset key; `None` without one).
    fn read_config<'v>(
        #[starlark(require = pos)] section: &str,
        #[starlark(require = pos)] key: &str,
        #[starlark(require = pos, default = NoneType)] default: Value<'v>,
    ) -> anyhow::Result<Value<'v>> {
        let _ = (section, key);
        Ok(default)
    }

    /// Files of this package matching `include` and not `exclude`, sorted.
    fn glob(
        #[starlark(require = pos)] include: UnpackListOrTuple<String>,
        #[starlark(require = named, default = UnpackListOrTuple::default())] exclude: UnpackListOrTuple<String>,
    ) -> anyhow::Result<Vec<String>> {
        Ok(glob_impl(&include.items, &exclude.items))
    }

    /// The package being evaluated, relative to the project root.
    fn package_name() -> anyhow::Result<String> {
        Ok(STATE.with(|s| s.borrow().package.clone()))
    }

    /// Buck2's per-file override of the 2 GiB peak-memory limit (formats.md §10.2).
    fn set_starlark_peak_allocated_byte_limit(
        #[starlark(require = pos)] limit: i64,
    ) -> anyhow::Result<NoneType> {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            if s.peak_limit.is_some() {
                anyhow::bail!("`set_starlark_peak_allocated_byte_limit` can only be called once");
            }
            s.peak_limit = Some(u64::try_from(limit)?);
            Ok(NoneType)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs() {
        assert!(glob_match(b"*.cpp", b"a.cpp"));
        assert!(!glob_match(b"*.cpp", b"src/a.cpp"));
        assert!(glob_match(b"src/**/*.cpp", b"src/a.cpp"));
        assert!(glob_match(b"src/**/*.cpp", b"src/x/y/a.cpp"));
        assert!(glob_match(b"**/*.h", b"a/b.h"));
        assert!(glob_match(b"a?.h", b"ab.h"));
    }
}
