import { createRequire as __gateCreateRequire } from 'node:module';
const require = __gateCreateRequire(import.meta.url);
import {
  __commonJS,
  __toESM
} from "./chunk-DUXI62Z6.js";

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies2 = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies2;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies2(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies2(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies2(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies2(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies2(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies: satisfies2,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/config/inputs.ts
var INPUTS = [
  { name: "working-directory", kind: "path", default: ".", description: "Directory of the Go module (or go.work workspace) to gate, relative to the workspace. Must stay inside the workspace. CLI: --dir." },
  { name: "go-version", kind: "string", default: "", description: "Go version: exact (1.26.3), a range (1.26.x, ^1.25, ~1.25.2, >=1.25), stable, oldstable, or system (the go on PATH). Wins over go-version-file." },
  { name: "go-version-file", kind: "path", default: "", description: "File to read the Go version from: go.mod (toolchain line wins over the go line), go.work, .go-version or .tool-versions. Relative to working-directory. When neither this nor go-version is set, go.mod / go.work in working-directory is used." },
  { name: "go-download-base-url", kind: "string", default: "https://go.dev/dl", description: "Base URL of the Go downloads (a mirror with the same layout works): the JSON listing is read from <base>/?mode=json&include=all and each archive is verified against its SHA-256 before extraction." },
  { name: "targets", kind: "list", default: "linux/amd64", description: "Comma- or newline-separated GOOS/GOARCH pairs to build, checked against `go tool dist list`." },
  { name: "packages", kind: "list", default: "", description: "Main packages to build (import paths or ./relative patterns). Default: the module root when it is a main package, else every main package under cmd/." },
  { name: "ldflags", kind: "string", default: "", description: 'Extra linker flags, appended to the fixed "-s -w -buildid=".' },
  { name: "tags", kind: "list", default: "", description: "Build tags (comma- or newline-separated), passed as -tags." },
  { name: "cgo", kind: "boolean", default: "false", description: "Allow cgo (CGO_ENABLED=1). Off by default: release binaries are static." },
  { name: "strip", kind: "boolean", default: "true", description: "Expect stripped binaries (the build passes -s -w); set false to keep symbols and allow unstripped binaries." },
  { name: "output-dir", kind: "path", default: "gate-out", description: "Directory (relative to the workspace) for binaries, SHA256SUMS, results.sarif, report.json and summary.md. CLI: --out." },
  { name: "mode", kind: "enum", values: ["auto", "check", "release"], default: "auto", description: "auto: from the event (pull_request -> check, tag push -> release, other pushes -> check with caches saved). check: verify and build, no signing. release: everything plus the release report." },
  { name: "cache", kind: "enum", values: ["auto", "read-write", "read-only", "off"], default: "auto", description: "Go module and build caches. auto: read-only on pull_request and pull_request_target, read-write otherwise." },
  { name: "cache-max-size", kind: "size", default: "2GiB", description: "Upper bound for the saved build cache (e.g. 500MiB, 2GiB); oldest entries are dropped first." },
  { name: "cache-dir", kind: "path", default: "", cliOnly: true, description: "CLI only: local directory that holds cache entries between runs (none when empty)." },
  { name: "require-tidy", kind: "boolean", default: "false", description: "Treat `go mod tidy -diff` differences as errors instead of warnings." },
  { name: "rules", kind: "list", default: "", description: 'Per-rule overrides, comma- or newline-separated "rule-id=off|note|warning|error", e.g. "inspect/not-stripped=warning".' }
];

// src/config/config.ts
import path from "node:path";
import fs from "node:fs";

// src/toolchain/version.ts
var import_semver = __toESM(require_semver2(), 1);
var GO_VERSION = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;
function isGoVersion(text) {
  return GO_VERSION.test(text);
}
function goToSemver(text) {
  const m = GO_VERSION.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a Go version`);
  const base = `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}`;
  return m[4] ? `${base}-${m[4]}.${Number(m[5])}` : base;
}
function normalizeGoVersion(text) {
  const m = GO_VERSION.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a Go version`);
  return text.trim().replace(/^go/, "");
}
function parseGoVersionSpec(text) {
  const t = text.trim();
  if (t === "stable" || t === "latest") return { kind: "stable" };
  if (t === "oldstable") return { kind: "oldstable" };
  if (t === "system") return { kind: "system" };
  const exact = GO_VERSION.exec(t);
  if (exact) {
    if (exact[3] === void 0 && exact[4] === void 0) return { kind: "range", range: `~${exact[1]}.${exact[2]}.0`, text: t };
    return { kind: "exact", version: normalizeGoVersion(t) };
  }
  if (/^[0-9x*^~<>=|. -]+$/.test(t) && /\d/.test(t)) {
    const range = import_semver.default.validRange(t);
    if (range) return { kind: "range", range, text: t };
  }
  throw new Error(`"${text}" is not a Go version, range (1.26.x, ^1.25, >=1.25), stable, oldstable or system`);
}
function describeSpec(spec) {
  switch (spec.kind) {
    case "exact":
      return spec.version;
    case "range":
      return spec.text;
    case "min":
      return `>= ${spec.version} (go.mod go line)`;
    default:
      return spec.kind;
  }
}
function satisfies(version, spec) {
  const v = goToSemver(version);
  switch (spec.kind) {
    case "exact":
      return v === goToSemver(spec.version);
    case "range":
      return import_semver.default.satisfies(v, spec.range);
    case "min":
      return import_semver.default.gte(v, goToSemver(spec.version));
    default:
      return false;
  }
}
function pickRelease(releases, spec) {
  const sorted = [...releases].filter((r) => isGoVersion(r.version)).sort((a, b) => import_semver.default.rcompare(goToSemver(a.version), goToSemver(b.version)));
  const stable = sorted.filter((r) => r.stable);
  switch (spec.kind) {
    case "exact":
      return sorted.find((r) => goToSemver(r.version) === goToSemver(spec.version));
    case "range":
      return stable.find((r) => import_semver.default.satisfies(goToSemver(r.version), spec.range));
    case "min": {
      const min = goToSemver(spec.version);
      const sameMinor = `~${import_semver.default.major(min)}.${import_semver.default.minor(min)}.0`;
      return stable.find((r) => import_semver.default.satisfies(goToSemver(r.version), sameMinor) && import_semver.default.gte(goToSemver(r.version), min));
    }
    case "stable":
      return stable[0];
    case "oldstable": {
      if (!stable[0]) return void 0;
      const newest = goToSemver(stable[0].version);
      return stable.find((r) => import_semver.default.minor(goToSemver(r.version)) < import_semver.default.minor(newest) || import_semver.default.major(goToSemver(r.version)) < import_semver.default.major(newest));
    }
    case "system":
      return void 0;
  }
}
function pickInstalled(versions, spec) {
  return versions.filter((v) => isGoVersion(v) || import_semver.default.valid(v)).map((v) => import_semver.default.valid(v) ? semverToGo(v) : normalizeGoVersion(v)).filter((v) => satisfies(v, spec)).sort((a, b) => import_semver.default.rcompare(goToSemver(a), goToSemver(b)))[0];
}
function semverToGo(v) {
  const s = import_semver.default.parse(v);
  if (!s) throw new Error(`"${v}" is not a semver version`);
  const pre = s.prerelease.length === 2 ? `${s.prerelease[0]}${s.prerelease[1]}` : "";
  if (pre) return `${s.major}.${s.minor}${pre}`;
  if (s.patch === 0 && s.major === 1 && s.minor < 21) return `${s.major}.${s.minor}`;
  return `${s.major}.${s.minor}.${s.patch}`;
}
function parseVersionFile(fileName, text) {
  const base = fileName.replace(/^.*[\\/]/, "");
  const lines = text.split(/\r?\n/);
  if (base === ".go-version") {
    const i = lines.findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#"));
    if (i < 0) throw new Error(`${fileName}: no Go version in the file`);
    return { spec: specOrThrow(fileName, i + 1, lines[i].trim()), line: i + 1, from: lines[i].trim() };
  }
  if (base === ".tool-versions") {
    for (let i = 0; i < lines.length; i++) {
      const m = /^\s*(golang|go)\s+(\S+)/.exec(lines[i]);
      if (m) return { spec: specOrThrow(fileName, i + 1, m[2]), line: i + 1, from: lines[i].trim() };
    }
    throw new Error(`${fileName}: no "golang" line`);
  }
  let goLine;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].replace(/\/\/.*$/, "").trim();
    const tc = /^toolchain\s+(\S+)$/.exec(l);
    if (tc) {
      const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)(?:-.*)?$/.exec(tc[1]);
      if (!m) throw new Error(`${fileName}:${i + 1}: toolchain "${tc[1]}" is not a Go toolchain name (goX.Y.Z)`);
      return { spec: { kind: "exact", version: m[1] }, line: i + 1, from: l };
    }
    const go = /^go\s+(\S+)$/.exec(l);
    if (go && !goLine) {
      if (!isGoVersion(go[1])) throw new Error(`${fileName}:${i + 1}: "go ${go[1]}" is not a Go version`);
      goLine = { spec: { kind: "min", version: normalizeGoVersion(go[1]) }, line: i + 1, from: l };
    }
  }
  if (!goLine) throw new Error(`${fileName}: no go line (expected e.g. "go 1.26")`);
  return goLine;
}
function specOrThrow(fileName, line, text) {
  try {
    return parseGoVersionSpec(text);
  } catch (e) {
    throw new Error(`${fileName}:${line}: ${e.message}`);
  }
}
function goPlatform(platform, arch) {
  const os2 = platform === "win32" ? "windows" : platform;
  const a = { x64: "amd64", ia32: "386", arm: "armv6l", arm64: "arm64", s390x: "s390x", ppc64: "ppc64le", riscv64: "riscv64", loong64: "loong64" };
  return { os: os2, arch: a[arch] ?? arch };
}

// src/config/config.ts
var ConfigError = class extends Error {
  input;
  constructor(input, message) {
    super(`input ${input}: ${message}`);
    this.name = "ConfigError";
    this.input = input;
  }
};
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
function raw(spec, inputs) {
  const v = inputs[spec.name];
  const value = v === void 0 || v.trim() === "" ? spec.default : v.trim();
  if (CONTROL.test(value)) throw new ConfigError(spec.name, "contains a control character");
  if (spec.kind !== "list" && /[\r\n]/.test(value)) throw new ConfigError(spec.name, "must be a single line");
  return value;
}
function splitList(value) {
  return value.split(/[,\n\r]+/).map((s) => s.trim()).filter((s) => s !== "");
}
function parseBoolean(name, value) {
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new ConfigError(name, `"${value}" is not a boolean (true or false)`);
}
function parseEnum(spec, value) {
  if (!spec.values.includes(value)) {
    throw new ConfigError(spec.name, `"${value}" is not one of ${spec.values.join(", ")}`);
  }
  return value;
}
var SIZE_UNITS = { "": 1, b: 1, k: 1e3, kb: 1e3, kib: 1024, m: 1e6, mb: 1e6, mib: 1024 ** 2, g: 1e9, gb: 1e9, gib: 1024 ** 3 };
function parseSize(name, value) {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : void 0;
  if (!m || unit === void 0) throw new ConfigError(name, `"${value}" is not a size like 500MiB or 2GiB`);
  return Math.floor(Number(m[1]) * unit);
}
var TOKEN = /^[a-z0-9]+$/;
function parseTargets(value) {
  const targets = [];
  for (const t of splitList(value)) {
    const parts = t.split("/");
    if (parts.length !== 2 || !TOKEN.test(parts[0]) || !TOKEN.test(parts[1])) {
      throw new ConfigError("targets", `"${t}" is not of the form GOOS/GOARCH (e.g. linux/amd64)`);
    }
    if (!targets.some((x) => x.goos === parts[0] && x.goarch === parts[1])) targets.push({ goos: parts[0], goarch: parts[1] });
  }
  if (targets.length === 0) throw new ConfigError("targets", "no target given");
  return targets;
}
var PACKAGE = /^[A-Za-z0-9._~/@+][A-Za-z0-9._~/@+-]*$/;
var TAG = /^[A-Za-z0-9_.]+$/;
var RULE = /^([a-z0-9-]+\/[a-z0-9-]+)\s*=\s*(off|note|warning|error)$/;
function parseRules(value) {
  const rules = /* @__PURE__ */ new Map();
  for (const item of splitList(value)) {
    const m = RULE.exec(item);
    if (!m) throw new ConfigError("rules", `"${item}" is not "rule-id=off|note|warning|error"`);
    rules.set(m[1], m[2]);
  }
  return rules;
}
function realpathOrSelf(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
function isInside(parent, child) {
  const rel2 = path.relative(parent, child);
  return rel2 === "" || !rel2.startsWith("..") && !path.isAbsolute(rel2);
}
function confinedPath(name, value, base, roots) {
  if (value.includes("\0")) throw new ConfigError(name, "contains a NUL byte");
  const resolved = realpathOrSelf(path.resolve(base, value));
  if (!roots.some((r) => isInside(realpathOrSelf(r), resolved))) {
    throw new ConfigError(name, `"${value}" resolves to ${resolved}, outside the workspace ${roots[0]}`);
  }
  return resolved;
}
function eventFrom(env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const ref = env.GITHUB_REF ?? "";
  const isTag = ref.startsWith("refs/tags/");
  return isTag ? { name, ref, isTag, tag: ref.slice("refs/tags/".length) } : { name, ref, isTag };
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "merge_group"]);
function resolveMode(input, event) {
  if (input === "check" || input === "release") return { mode: input, reason: "input mode" };
  if (PULL_REQUEST_EVENTS.has(event.name)) return { mode: "check", reason: `${event.name} event` };
  if (event.isTag) return { mode: "release", reason: `tag ${event.tag}` };
  return { mode: "check", reason: event.name ? `${event.name} event` : "no release tag" };
}
function resolveCacheMode(input, event) {
  if (input === "read-write" || input === "read-only" || input === "off") return input;
  return event.name === "pull_request" || event.name === "pull_request_target" ? "read-only" : "read-write";
}
function parseConfig(inputs, ctx) {
  for (const key of Object.keys(inputs)) {
    if (!INPUTS.some((i) => i.name === key)) throw new ConfigError(key, "is not a known input");
  }
  const get = (name) => raw(INPUTS.find((i) => i.name === name), inputs);
  const workspace = realpathOrSelf(path.resolve(ctx.workspace));
  const dir = confinedPath("working-directory", get("working-directory"), workspace, [workspace]);
  const outDir = confinedPath("output-dir", get("output-dir"), workspace, [workspace, ...ctx.writableRoots ?? []]);
  const goVersion = get("go-version");
  if (goVersion) {
    try {
      parseGoVersionSpec(goVersion);
    } catch (e) {
      throw new ConfigError("go-version", e.message);
    }
  }
  const goVersionFile = get("go-version-file");
  if (goVersionFile) confinedPath("go-version-file", goVersionFile, dir, [workspace]);
  const base = get("go-download-base-url");
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError("go-download-base-url", `"${base}" is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError("go-download-base-url", "must be http(s)");
  const packages = splitList(get("packages"));
  for (const p of packages) if (!PACKAGE.test(p)) throw new ConfigError("packages", `"${p}" is not a package path`);
  const tags = splitList(get("tags"));
  for (const t of tags) if (!TAG.test(t)) throw new ConfigError("tags", `"${t}" is not a build tag`);
  const event = eventFrom(ctx.env);
  const { mode, reason } = resolveMode(parseEnum(INPUTS.find((i) => i.name === "mode"), get("mode")), event);
  const cacheDirRaw = get("cache-dir");
  return {
    workspace,
    dir,
    outDir,
    goVersion,
    goVersionFile,
    goDownloadBaseUrl: base.replace(/\/+$/, ""),
    targets: parseTargets(get("targets")),
    packages,
    ldflags: get("ldflags"),
    tags,
    cgo: parseBoolean("cgo", get("cgo")),
    strip: parseBoolean("strip", get("strip")),
    mode,
    modeReason: reason,
    cache: resolveCacheMode(parseEnum(INPUTS.find((i) => i.name === "cache"), get("cache")), event),
    cacheMaxSize: parseSize("cache-max-size", get("cache-max-size")),
    cacheDir: cacheDirRaw ? path.resolve(cacheDirRaw) : "",
    requireTidy: parseBoolean("require-tidy", get("require-tidy")),
    rules: parseRules(get("rules")),
    event
  };
}

// src/cli/exec.ts
import { spawn } from "node:child_process";
var MAX_CAPTURE = 64 * 1024 * 1024;
var nodeExec = {
  run(file, args, options = {}) {
    return new Promise((resolve) => {
      const child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env,
        stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
        shell: false,
        windowsHide: true
      });
      const out = [];
      const err = [];
      let outLen = 0;
      let errLen = 0;
      child.stdout.on("data", (b) => {
        if (outLen < MAX_CAPTURE) out.push(b);
        outLen += b.length;
      });
      child.stderr.on("data", (b) => {
        if (errLen < MAX_CAPTURE) err.push(b);
        errLen += b.length;
      });
      let timedOut = false;
      const timer = options.timeoutMs ? setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, options.timeoutMs) : void 0;
      if (options.input !== void 0) child.stdin.end(options.input);
      const finish = (code, extra = "") => {
        if (timer) clearTimeout(timer);
        resolve({
          code,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8") + extra,
          ...timedOut ? { timedOut } : {}
        });
      };
      child.on("error", (e) => finish(127, `${file}: ${e.message}`));
      child.on("close", (code, signal) => finish(code ?? (signal ? 128 : 1)));
    });
  }
};

// src/version.ts
var GATE_VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/run.ts
import fs4 from "node:fs";
import path4 from "node:path";

// src/pipeline/findings.ts
import { createHash } from "node:crypto";
function fingerprintOf(ruleId, subject) {
  return createHash("sha256").update(`${ruleId}\0${subject}`).digest("hex").slice(0, 32);
}
function describeLocation(loc) {
  if (!loc) return "";
  if (loc.file) return `${loc.file}:${loc.line ?? 0}`;
  return loc.artifact ?? "";
}
function finding(rule2, stage, input) {
  const subject = input.subject ?? `${describeLocation(input.location)}\0${input.message}`;
  const f = {
    ruleId: rule2.id,
    severity: input.severity ?? rule2.defaultSeverity,
    message: input.message,
    stage,
    fingerprint: fingerprintOf(rule2.id, subject)
  };
  if (input.location) f.location = input.location;
  if (input.details) f.details = input.details;
  if (input.fix) f.fix = input.fix;
  return f;
}
var order = { error: 0, warning: 1, note: 2 };
function compareFindings(a, b) {
  return order[a.severity] - order[b.severity] || describeLocation(a.location).localeCompare(describeLocation(b.location)) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
function rule(r) {
  return { helpUri: `https://github.com/org/go-release-gate/blob/v1/docs/rules.md#${r.id.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`, ...r };
}

// src/pipeline/gate.ts
function applyRuleOverrides(findings, rules) {
  const out = [];
  for (const f of findings) {
    const level = rules.get(f.ruleId);
    if (level === "off") continue;
    out.push(level ? { ...f, severity: level } : f);
  }
  return out;
}
var MAX_REASONS = 20;
function decide(stages) {
  const reasons = [];
  for (const s of stages) {
    const errors = s.findings.filter((f) => f.severity === "error");
    for (const f of errors) reasons.push(f.stage === s.name && f.message.startsWith(`${s.name} stage:`) ? f.message : `${s.name}: ${f.message}`);
    if ((s.status === "failed" || s.status === "errored") && errors.length === 0) {
      reasons.push(`${s.name}: ${s.status === "errored" ? "could not complete" : "failed"}${s.reason ? `: ${s.reason}` : ""}`);
    }
  }
  if (reasons.length > MAX_REASONS) {
    const more = reasons.length - MAX_REASONS;
    reasons.splice(MAX_REASONS, reasons.length, `... and ${more} more (see the report)`);
  }
  return { passed: reasons.length === 0, reasons };
}

// src/pipeline/pipeline.ts
var STAGE_CRASHED = rule({
  id: "gate/stage-errored",
  name: "StageErrored",
  shortDescription: "A stage of the gate could not complete.",
  fullDescription: "A stage of the gate stopped with an error before it could finish its checks. The gate never passes on a check that did not run.",
  help: "Read the error message; it names the file, line or offset that was wrong. Fix the input or the environment and run again.",
  defaultSeverity: "error"
});
function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}
async function runPipeline(stages, ctx) {
  const startedAt = /* @__PURE__ */ new Date();
  const t0 = performance.now();
  const results = [];
  for (const stage of stages) {
    const s0 = performance.now();
    let result;
    try {
      const outcome = await ctx.ports.log.group(`${stage.name}`, () => stage.run(ctx));
      result = { ...outcome, name: stage.name, durationMs: 0, findings: applyRuleOverrides(outcome.findings, ctx.config.rules) };
      if (result.status === "failed" && outcome.findings.some((f) => f.severity === "error") && !result.findings.some((f) => f.severity === "error")) {
        result.status = "passed";
      }
    } catch (e) {
      const message = `${stage.name} stage: ${errorText(e)}`;
      ctx.ports.log.error(message);
      result = {
        name: stage.name,
        status: "errored",
        reason: errorText(e),
        durationMs: 0,
        findings: [finding(STAGE_CRASHED, stage.name, { message, subject: stage.name, details: e instanceof Error && e.stack ? e.stack : void 0 })]
      };
    }
    result.durationMs = Math.round(performance.now() - s0);
    results.push(result);
  }
  const findings = results.flatMap((r) => r.findings).sort(compareFindings);
  const rules = [STAGE_CRASHED, ...stages.flatMap((s) => s.rules)];
  return {
    verdict: decide(results),
    stages: results,
    findings,
    rules: rules.filter((r, i) => rules.findIndex((x) => x.id === r.id) === i),
    startedAt,
    durationMs: Math.round(performance.now() - t0)
  };
}

// src/stages/toolchain.ts
import fs2 from "node:fs";
import path2 from "node:path";
import { createHash as createHash2 } from "node:crypto";

// src/toolchain/listing.ts
function parseListing(text, source) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${e.message}); first bytes: ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (!Array.isArray(doc)) throw new Error(`${source}: expected a JSON array of releases`);
  return doc.map((r, i) => {
    const rel2 = r;
    if (typeof rel2.version !== "string" || !Array.isArray(rel2.files)) throw new Error(`${source}: release #${i} has no version or files`);
    return {
      version: rel2.version.replace(/^go/, ""),
      stable: rel2.stable === true,
      files: rel2.files.map((f) => ({
        filename: String(f.filename ?? ""),
        os: String(f.os ?? ""),
        arch: String(f.arch ?? ""),
        version: String(f.version ?? ""),
        sha256: String(f.sha256 ?? "").toLowerCase(),
        size: Number(f.size ?? 0),
        kind: String(f.kind ?? "")
      }))
    };
  });
}
function archiveFor(release, os2, arch) {
  return release.files.find((f) => f.kind === "archive" && f.os === os2 && f.arch === arch);
}
function safeFileName(name) {
  return /^go[0-9A-Za-z.]+\.[a-z0-9]+-[a-z0-9]+\.(tar\.gz|zip)$/.test(name);
}

// src/stages/toolchain.ts
var UNRESOLVED = rule({
  id: "toolchain/version-unresolved",
  name: "GoVersionUnresolved",
  shortDescription: "The Go version to build with could not be determined.",
  fullDescription: "go-version / go-version-file did not name a Go version that exists: the file is missing, has no go line, or no release matches.",
  help: "Set go-version (1.26.3, 1.26.x, stable) or point go-version-file at a go.mod with a go or toolchain line.",
  defaultSeverity: "error"
});
var DOWNLOAD = rule({
  id: "toolchain/download-failed",
  name: "GoDownloadFailed",
  shortDescription: "The Go toolchain could not be downloaded.",
  fullDescription: "The Go downloads listing or archive could not be fetched from go-download-base-url.",
  help: "Check go-download-base-url (a mirror must serve the same layout and the ?mode=json&include=all listing) and the network.",
  defaultSeverity: "error"
});
var CHECKSUM = rule({
  id: "toolchain/checksum-mismatch",
  name: "GoChecksumMismatch",
  shortDescription: "A downloaded Go archive does not match its published SHA-256.",
  fullDescription: "The Go archive downloaded for this run does not have the SHA-256 the downloads listing publishes. It was not extracted or used.",
  help: "A truncated download or a tampered mirror. Retry; if it persists, compare the mirror with the official listing.",
  defaultSeverity: "error",
  securitySeverity: 8
});
var ToolchainFailure = class extends Error {
  finding;
  constructor(f) {
    super(f.message);
    this.finding = f;
  }
};
function fail(r, message, extra = {}) {
  throw new ToolchainFailure(finding(r, "toolchain", { message, ...extra }));
}
function rel(ctx, p) {
  return path2.relative(ctx.config.workspace, p).split(path2.sep).join("/");
}
function resolveSpec(ctx) {
  const { config } = ctx;
  if (config.goVersion) return { spec: parseGoVersionSpec(config.goVersion), from: "input go-version" };
  const candidates = config.goVersionFile ? [config.goVersionFile] : ["go.work", "go.mod"];
  for (const name of candidates) {
    const file = path2.resolve(config.dir, name);
    if (!fs2.existsSync(file)) {
      if (config.goVersionFile) fail(UNRESOLVED, `go-version-file ${rel(ctx, file)} does not exist`);
      continue;
    }
    try {
      const r = parseVersionFile(rel(ctx, file), fs2.readFileSync(file, "utf8"));
      return { spec: r.spec, from: `${rel(ctx, file)}:${r.line} (${r.from})`, file: rel(ctx, file), line: r.line };
    } catch (e) {
      const m = /^(.*?):(\d+):/.exec(e.message);
      fail(UNRESOLVED, e.message, { location: { file: m ? m[1] : rel(ctx, file), line: m ? Number(m[2]) : 1 } });
    }
  }
  return fail(UNRESOLVED, `no go-version input and no go.mod or go.work in ${rel(ctx, config.dir) || "."}`);
}
async function probe(ctx, bin) {
  const r = await ctx.ports.exec.run(bin, ["env", "GOVERSION", "GOROOT"], { env: { ...ctx.ports.env, GOTOOLCHAIN: "local" } });
  if (r.code !== 0) return void 0;
  const [v, goroot] = r.stdout.split("\n");
  const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(v.trim());
  return m ? { version: m[1], goroot: goroot.trim() } : void 0;
}
function whichGo(env) {
  const exe = process.platform === "win32" ? "go.exe" : "go";
  for (const dir of (env.PATH ?? "").split(path2.delimiter)) {
    if (!dir) continue;
    const p = path2.join(dir, exe);
    try {
      fs2.accessSync(p, fs2.constants.X_OK);
      return p;
    } catch {
    }
  }
  return void 0;
}
function sha256File(file) {
  const h = createHash2("sha256");
  const fd = fs2.openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n;
    while ((n = fs2.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  } finally {
    fs2.closeSync(fd);
  }
  return h.digest("hex");
}
async function download(ctx, spec) {
  const { tools, log } = ctx.ports;
  const base = ctx.config.goDownloadBaseUrl;
  const listingUrl = `${base}/?mode=json&include=all`;
  let listingFile;
  try {
    listingFile = await tools.download(listingUrl);
  } catch (e) {
    return fail(DOWNLOAD, `could not read the Go downloads listing ${listingUrl}: ${e.message}`);
  }
  let releases;
  try {
    releases = parseListing(fs2.readFileSync(listingFile, "utf8"), listingUrl);
  } catch (e) {
    return fail(DOWNLOAD, e.message);
  }
  const release = pickRelease(releases, spec);
  if (!release) return fail(UNRESOLVED, `no Go release in ${listingUrl} matches ${describeSpec(spec)}`);
  const plat = goPlatform(process.platform, process.arch);
  const file = archiveFor(release, plat.os, plat.arch);
  if (!file) return fail(UNRESOLVED, `Go ${release.version} has no archive for ${plat.os}/${plat.arch} in ${listingUrl}`);
  if (!safeFileName(file.filename)) return fail(DOWNLOAD, `the listing names an unexpected file "${file.filename}"`);
  if (!/^[0-9a-f]{64}$/.test(file.sha256)) return fail(DOWNLOAD, `the listing has no valid SHA-256 for ${file.filename}`);
  const url = `${base}/${file.filename}`;
  log.info(`Downloading Go ${release.version} from ${url}`);
  let archive;
  try {
    archive = await tools.download(url);
  } catch (e) {
    return fail(DOWNLOAD, `could not download ${url}: ${e.message}`);
  }
  const actual = sha256File(archive);
  if (actual !== file.sha256) {
    const size = fs2.statSync(archive).size;
    const sizeNote = file.size && size !== file.size ? ` (received ${size} bytes, the listing says ${file.size}: truncated or replaced)` : "";
    fs2.rmSync(archive, { force: true });
    return fail(CHECKSUM, `SHA-256 mismatch for ${file.filename}: expected ${file.sha256}, got ${actual}${sizeNote}; the archive was not extracted`);
  }
  log.info(`SHA-256 ${actual} matches the listing`);
  const extracted = await tools.extract(archive);
  const root = path2.join(extracted, "go");
  if (!fs2.existsSync(path2.join(root, "bin"))) return fail(DOWNLOAD, `${file.filename} has no go/bin directory`);
  const cached = await tools.cache(root, "go", goToSemver(release.version), process.arch);
  return { bin: goBin(cached), version: release.version, goroot: cached, source: "download" };
}
function goBin(goroot) {
  return path2.join(goroot, "bin", process.platform === "win32" ? "go.exe" : "go");
}
async function locate(ctx, spec) {
  const { tools, log } = ctx.ports;
  if (spec.kind === "system") {
    const bin = whichGo(ctx.ports.env);
    const p2 = bin && await probe(ctx, bin);
    if (!bin || !p2) return fail(UNRESOLVED, 'go-version is "system" but no working go is on PATH');
    return { bin, version: p2.version, goroot: p2.goroot, source: "path" };
  }
  const cachedVersion = pickInstalled(tools.versions("go", process.arch), spec);
  if (cachedVersion) {
    const dir = tools.find("go", goToSemver(cachedVersion), process.arch);
    if (dir && fs2.existsSync(goBin(dir))) return { bin: goBin(dir), version: cachedVersion, goroot: dir, source: "tool-cache" };
  }
  const onPath = whichGo(ctx.ports.env);
  const p = onPath && await probe(ctx, onPath);
  if (onPath && p && satisfies(p.version, spec)) {
    log.info(`Using go ${p.version} from PATH (${onPath}): it satisfies ${describeSpec(spec)}`);
    return { bin: onPath, version: p.version, goroot: p.goroot, source: "path" };
  }
  return download(ctx, spec);
}
var toolchainStage = {
  name: "toolchain",
  rules: [UNRESOLVED, DOWNLOAD, CHECKSUM],
  async run(ctx) {
    try {
      const { spec, from, file, line } = resolveSpec(ctx);
      const go = await locate(ctx, spec);
      const p = await probe(ctx, go.bin);
      if (!p) return fail(UNRESOLVED, `${go.bin} does not run (go env failed)`);
      if (p.version !== go.version && !satisfies(p.version, spec)) {
        return fail(UNRESOLVED, `${go.bin} reports go${p.version}, which does not satisfy ${describeSpec(spec)} from ${from}`, file ? { location: { file, line } } : {});
      }
      const toolchain = { ...go, version: p.version, goroot: p.goroot };
      ctx.state.go = toolchain;
      const binDir = path2.dirname(go.bin);
      ctx.state.goEnv = {
        ...ctx.state.goEnv,
        // Our go commands must never fetch another toolchain behind our back (GOTOOLCHAIN=auto).
        GOTOOLCHAIN: "local",
        PATH: `${binDir}${path2.delimiter}${ctx.state.goEnv.PATH ?? ""}`
      };
      ctx.ports.outputs.addPath(binDir);
      ctx.state.facts["go-version"] = toolchain.version;
      ctx.state.facts["go-source"] = toolchain.source;
      return {
        status: "passed",
        findings: [],
        table: { header: ["Go", "Wanted", "Source", "GOROOT"], rows: [[toolchain.version, from.replace(/\|/g, "/"), go.source, toolchain.goroot]] },
        metrics: { goVersion: toolchain.version, source: toolchain.source }
      };
    } catch (e) {
      if (e instanceof ToolchainFailure) return { status: "failed", reason: e.message, findings: [e.finding] };
      throw e;
    }
  }
};

// src/stages/build.ts
import fs3 from "node:fs";
import os from "node:os";
import path3 from "node:path";
import { createHash as createHash3 } from "node:crypto";

// src/pipeline/stage.ts
function skipped(reason) {
  return { status: "skipped", reason, findings: [] };
}
function statusFrom(findings) {
  return findings.some((f) => f.severity === "error") ? "failed" : "passed";
}

// src/build/args.ts
function ldflagsFor(opts) {
  return [opts.strip ? "-s -w" : "", "-buildid=", opts.ldflags].filter((s) => s !== "").join(" ");
}
function buildArgs(opts, output, pkg) {
  const args = ["build", "-trimpath", "-buildvcs=auto", `-ldflags=${ldflagsFor(opts)}`];
  if (opts.tags.length) args.push(`-tags=${opts.tags.join(",")}`);
  if (opts.modFlag) args.push(opts.modFlag);
  args.push("-o", output, pkg);
  return args;
}
function buildEnv(base, target, cgo) {
  return { ...base, GOOS: target.goos, GOARCH: target.goarch, CGO_ENABLED: cgo ? "1" : "0" };
}
function binaryName(importPath) {
  const parts = importPath.split("/").filter(Boolean);
  let name = parts[parts.length - 1] ?? "main";
  if (/^v\d+$/.test(name) && parts.length > 1) name = parts[parts.length - 2];
  return name;
}
function artifactFileName(name, target) {
  return `${name}_${target.goos}_${target.goarch}${target.goos === "windows" ? ".exe" : ""}`;
}
function renderChecksums(entries) {
  return [...entries].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map((e) => `${e.sha256}  ${e.name}
`).join("");
}
function parseCompilerErrors(stderr) {
  const errors = [];
  for (const line of stderr.split(/\r?\n/)) {
    const m = /^(?:\.\/)?([^\s:][^:]*\.go):(\d+)(?::(\d+))?: (.*)$/.exec(line.trim());
    if (m) errors.push({ file: m[1], line: Number(m[2]), ...m[3] ? { column: Number(m[3]) } : {}, message: m[4] });
  }
  return errors;
}
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/stages/build.ts
var UNKNOWN_TARGET = rule({
  id: "build/unknown-target",
  name: "UnknownTarget",
  shortDescription: "A requested GOOS/GOARCH is not supported by this Go toolchain.",
  fullDescription: "The targets input names a GOOS/GOARCH pair that `go tool dist list` of the selected toolchain does not list.",
  help: "Use a pair from `go tool dist list`, e.g. linux/amd64, linux/arm64, darwin/arm64, windows/amd64.",
  defaultSeverity: "error"
});
var NO_MAIN = rule({
  id: "build/no-main-package",
  name: "NoMainPackage",
  shortDescription: "There is no main package to build.",
  fullDescription: "The packages input is empty and neither the module root nor any package under cmd/ is a main package, or a listed package is not a main package.",
  help: "Set packages to the main package(s) to release, e.g. ./cmd/server.",
  defaultSeverity: "error"
});
var COMPILE = rule({
  id: "build/compile-failed",
  name: "CompileFailed",
  shortDescription: "go build failed for a target.",
  fullDescription: "go build exited with an error for one package and target; no binary was produced for it.",
  help: "Read the compiler output in the summary; the finding points at the first compiler error.",
  defaultSeverity: "error"
});
function relToWorkspace(ctx, p) {
  const r = path3.relative(ctx.config.workspace, p);
  return r.startsWith("..") ? p : r.split(path3.sep).join("/");
}
async function goList(ctx, patterns) {
  const args = ["list", "-e", "-f", "{{.ImportPath}}	{{.Name}}	{{.Dir}}	{{if .Error}}{{.Error}}{{end}}"];
  if (ctx.state.modFlag) args.push(ctx.state.modFlag);
  const r = await ctx.ports.exec.run(ctx.state.go.bin, [...args, ...patterns], { cwd: ctx.config.dir, env: ctx.state.goEnv });
  if (r.code !== 0) throw new Error(`go list ${patterns.join(" ")} failed: ${r.stderr.trim() || r.stdout.trim()}`);
  const pkgs = r.stdout.split("\n").filter(Boolean).map((l) => {
    const [importPath, name, dir, error] = l.split("	");
    return { importPath, name, dir, error: error ?? "" };
  });
  return { pkgs, stderr: r.stderr };
}
async function mainPackages(ctx) {
  const problems = [];
  const asMain = (p) => ({ importPath: p.importPath, dir: p.dir, name: binaryName(p.importPath) });
  if (ctx.config.packages.length) {
    const { pkgs } = await goList(ctx, ctx.config.packages);
    for (const p of pkgs) {
      if (p.name !== "main") {
        problems.push(finding(NO_MAIN, "build", { message: `package ${p.importPath} is ${p.name ? `package ${p.name}` : `not loadable (${p.error})`}, not a main package` }));
      }
    }
    if (pkgs.length === 0) problems.push(finding(NO_MAIN, "build", { message: `packages ${ctx.config.packages.join(", ")} matched no package` }));
    return { pkgs: pkgs.filter((p) => p.name === "main").map(asMain), problems };
  }
  const root = (await goList(ctx, ["."])).pkgs.find((p) => p.name === "main");
  if (root) return { pkgs: [asMain(root)], problems };
  const cmdDir = path3.join(ctx.config.dir, "cmd");
  const cmd = fs3.existsSync(cmdDir) ? (await goList(ctx, ["./cmd/..."])).pkgs.filter((p) => p.name === "main") : [];
  if (cmd.length === 0) {
    problems.push(finding(NO_MAIN, "build", {
      message: `no main package in ${relToWorkspace(ctx, ctx.config.dir) || "."}: the module root is not package main and cmd/ has no main package`,
      location: fs3.existsSync(path3.join(ctx.config.dir, "go.mod")) ? { file: relToWorkspace(ctx, path3.join(ctx.config.dir, "go.mod")), line: 1 } : void 0
    }));
  }
  return { pkgs: cmd.map(asMain), problems };
}
function sha256(file) {
  return createHash3("sha256").update(fs3.readFileSync(file)).digest("hex");
}
var buildStage = {
  name: "build",
  rules: [UNKNOWN_TARGET, NO_MAIN, COMPILE],
  async run(ctx) {
    const go = ctx.state.go;
    if (!go) return skipped("needs the Go toolchain");
    const { config, ports } = ctx;
    const findings = [];
    const dist = await ports.exec.run(go.bin, ["tool", "dist", "list"], { env: ctx.state.goEnv });
    if (dist.code !== 0) throw new Error(`go tool dist list failed: ${dist.stderr.trim()}`);
    const supported = new Set(dist.stdout.split("\n").map((s) => s.trim()).filter(Boolean));
    const targets = config.targets.filter((t) => {
      if (supported.has(`${t.goos}/${t.goarch}`)) return true;
      findings.push(finding(UNKNOWN_TARGET, "build", { message: `target ${t.goos}/${t.goarch} is not supported by go${go.version} (see go tool dist list)`, subject: `${t.goos}/${t.goarch}` }));
      return false;
    });
    const { pkgs, problems } = await mainPackages(ctx);
    findings.push(...problems);
    const names = /* @__PURE__ */ new Map();
    for (const p of pkgs) {
      const other = names.get(p.name);
      if (other) throw new Error(`main packages ${other} and ${p.importPath} would both produce a binary named ${p.name}`);
      names.set(p.name, p.importPath);
    }
    fs3.mkdirSync(config.outDir, { recursive: true });
    const jobs = targets.flatMap((target) => pkgs.map((pkg) => ({ pkg, target, output: path3.join(config.outDir, artifactFileName(pkg.name, target)) })));
    const opts = { ldflags: config.ldflags, tags: config.tags, strip: config.strip, modFlag: ctx.state.modFlag };
    const results = await mapLimit(jobs, Math.max(1, os.availableParallelism()), async (job) => {
      fs3.rmSync(job.output, { force: true });
      const r = await ports.exec.run(go.bin, buildArgs(opts, job.output, job.pkg.importPath), {
        cwd: config.dir,
        env: buildEnv(ctx.state.goEnv, job.target, config.cgo)
      });
      return { ...job, ok: r.code === 0 && fs3.existsSync(job.output), stderr: r.stderr };
    });
    const artifacts = [];
    const rows = [];
    const failures = [];
    for (const r of results) {
      const t = `${r.target.goos}/${r.target.goarch}`;
      if (!r.ok) {
        const errors = parseCompilerErrors(r.stderr);
        const first = errors[0];
        const loc = first ? { file: relToWorkspace(ctx, path3.resolve(config.dir, first.file)), line: first.line, ...first.column ? { column: first.column } : {} } : void 0;
        const headline = first ? `${loc.file}:${first.line}: ${first.message}` : r.stderr.trim().split("\n").slice(-1)[0] || "go build failed";
        findings.push(finding(COMPILE, "build", {
          message: `${t} ${r.pkg.importPath}: ${headline}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ""}`,
          location: loc,
          subject: `${t}\0${r.pkg.importPath}`,
          details: r.stderr.trim()
        }));
        failures.push(`${t} ${r.pkg.importPath}
${r.stderr.trim()}`);
        rows.push([t, r.pkg.importPath, "", "", "failed"]);
        continue;
      }
      const size = fs3.statSync(r.output).size;
      const a = {
        path: r.output,
        displayPath: relToWorkspace(ctx, r.output),
        name: path3.basename(r.output),
        goos: r.target.goos,
        goarch: r.target.goarch,
        size,
        sha256: sha256(r.output),
        pkg: r.pkg.importPath
      };
      artifacts.push(a);
      rows.push([t, r.pkg.importPath, a.name, String(size), "built"]);
    }
    ctx.state.artifacts.push(...artifacts);
    if (artifacts.length) {
      const sums = path3.join(config.outDir, "SHA256SUMS");
      fs3.writeFileSync(sums, renderChecksums(artifacts));
      ctx.state.checksumsFile = sums;
    }
    return {
      status: statusFrom(findings),
      findings,
      table: { header: ["Target", "Package", "File", "Bytes", "Result"], rows },
      ...failures.length ? { details: failures.join("\n\n") } : {},
      metrics: { built: artifacts.length, failed: failures.length, jobs: jobs.length }
    };
  }
};

// src/stages/index.ts
var STAGES = [
  toolchainStage,
  // cache restore
  // modules
  buildStage
  // inspect
];

// src/report/model.ts
var TOOL = { name: "go-release-gate", informationUri: "https://github.com/org/go-release-gate" };

// src/report/sarif.ts
var LEVEL = { error: "error", warning: "warning", note: "note" };
function sarifRule(r) {
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: r.fullDescription },
    help: { text: r.help, markdown: r.help },
    helpUri: r.helpUri,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: {
      tags: r.securitySeverity !== void 0 ? ["security", "supply-chain"] : ["reliability"],
      ...r.securitySeverity !== void 0 ? { "security-severity": r.securitySeverity.toFixed(1) } : {}
    }
  };
}
function location(f, defaultFile) {
  const loc = f.location;
  const uri = loc?.file ?? loc?.artifact ?? defaultFile;
  const region = loc?.file && loc.line ? { startLine: loc.line, ...loc.column ? { startColumn: loc.column } : {} } : void 0;
  return { physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, ...region ? { region } : {} } };
}
function renderSarif(r) {
  const rules = r.run.rules;
  const index = new Map(rules.map((rule2, i) => [rule2.id, i]));
  const results = r.run.findings.map((f) => ({
    ruleId: f.ruleId,
    ...index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {},
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f, r.defaultFile)],
    partialFingerprints: { primaryLocationLineHash: f.fingerprint }
  }));
  const doc = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: r.tool.name, version: r.tool.version, semanticVersion: r.tool.version, informationUri: r.tool.informationUri, rules: rules.map(sarifRule) } },
        automationDetails: { id: `${r.tool.name}/` },
        originalUriBaseIds: { "%SRCROOT%": { uri: `file://${r.config.workspace.replace(/\\/g, "/").replace(/\/?$/, "/")}` } },
        results
      }
    ]
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/report/json.ts
function renderJson(r) {
  const doc = {
    verdict: r.run.verdict.passed ? "pass" : "fail",
    reasons: r.run.verdict.reasons,
    goVersion: r.goVersion,
    mode: r.config.mode,
    toolVersion: r.tool.version,
    startedAt: r.run.startedAt.toISOString(),
    durationMs: r.run.durationMs,
    stages: r.run.stages.map((s) => ({
      name: s.name,
      status: s.status,
      ...s.reason ? { reason: s.reason } : {},
      durationMs: s.durationMs,
      findings: s.findings.length,
      ...s.metrics ? { metrics: s.metrics } : {}
    })),
    findings: r.run.findings,
    artifacts: r.artifacts.map((a) => ({ path: a.displayPath, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 })),
    facts: r.facts
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/report/escape.ts
function escapeHtml(text) {
  return text.replace(/[&<>"'|`\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function cell(text) {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}
function table(header, rows) {
  const line = (cols) => `| ${cols.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
function formatDuration(ms) {
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(1)} s`;
}

// src/report/summary.ts
var ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F", errored: "\u{1F4A5}" };
var SEVERITY_ICON = { error: "\u274C", warning: "\u26A0\uFE0F", note: "\u2139\uFE0F" };
var MAX_FINDINGS_ROWS = 50;
function renderSummary(r) {
  const v = r.run.verdict;
  const out = [];
  out.push(`## ${v.passed ? "\u2705" : "\u274C"} go-release-gate: ${v.passed ? "pass" : "fail"}`);
  out.push("");
  if (v.reasons.length) {
    out.push("**Why it failed**", "");
    for (const reason of v.reasons) out.push(`- ${cell(reason)}`);
    out.push("");
  }
  out.push(`Mode **${r.config.mode}** (${escapeHtml(r.config.modeReason)}), Go **${escapeHtml(r.goVersion || "not installed")}**, ${r.config.targets.length} target(s), ${formatDuration(r.run.durationMs)}.`, "");
  out.push("### Stages", "");
  out.push(
    table(
      ["Stage", "Status", "Duration", "Findings", "Note"],
      r.run.stages.map((s) => [s.name, `${ICON[s.status]} ${s.status}`, formatDuration(s.durationMs), String(s.findings.length), cell(s.reason ?? "")])
    ),
    ""
  );
  if (r.artifacts.length) {
    out.push("### Artifacts", "");
    out.push(
      table(
        ["File", "Target", "Size", "SHA-256"],
        r.artifacts.map((a) => [`\`${cell(a.displayPath)}\``, `${a.goos}/${a.goarch}`, formatBytes(a.size), `\`${a.sha256}\``])
      ),
      ""
    );
  }
  for (const s of r.run.stages) {
    if (!s.table && !s.details) continue;
    out.push(`### ${s.name}`, "");
    if (s.table) out.push(table(s.table.header.map(cell), s.table.rows.map((row) => row.map(cell))), "");
    if (s.details) out.push("<details><summary>Details</summary>", "", "<pre>", escapeHtml(s.details), "</pre>", "</details>", "");
  }
  const findings = r.run.findings;
  if (findings.length) {
    out.push("### Findings", "");
    const shown = findings.slice(0, MAX_FINDINGS_ROWS);
    out.push(
      table(
        ["", "Rule", "Where", "Message"],
        shown.map((f) => [
          SEVERITY_ICON[f.severity],
          `\`${f.ruleId}\``,
          cell(f.location?.file ? `${f.location.file}${f.location.line ? `:${f.location.line}` : ""}` : f.location?.artifact ?? ""),
          cell(f.message)
        ])
      ),
      ""
    );
    if (findings.length > shown.length) out.push(`\u2026 and ${findings.length - shown.length} more in results.sarif and report.json.`, "");
    const withDetails = findings.filter((f) => f.details);
    for (const f of withDetails.slice(0, 20)) {
      out.push(`<details><summary>${cell(f.ruleId)}: ${cell(f.message)}</summary>`, "", "<pre>", escapeHtml(f.details), "</pre>", "</details>", "");
    }
  }
  return `${out.join("\n")}
`;
}

// src/report/annotations.ts
var ANNOTATION_LIMIT = 10;
function annotate(findings, log) {
  for (const severity of ["error", "warning"]) {
    const list = findings.filter((f) => f.severity === severity);
    const emit = severity === "error" ? log.error.bind(log) : log.warning.bind(log);
    list.slice(0, ANNOTATION_LIMIT).forEach((f) => emit(`${f.ruleId}: ${f.message}`, f.location));
    if (list.length > ANNOTATION_LIMIT) {
      log.info(`${list.length - ANNOTATION_LIMIT} more ${severity}s are in results.sarif, report.json and the job summary.`);
    }
  }
}

// src/run.ts
function initialState(env) {
  const goEnv = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0) goEnv[k] = v;
  goEnv.GOTOOLCHAIN = "local";
  return { goEnv, artifacts: [], facts: {} };
}
async function runGate(inputs, ports, options = {}) {
  const config = parseConfig(inputs, {
    workspace: ports.workspace,
    env: ports.env,
    writableRoots: options.outputRoots ?? [ports.tempDir]
  });
  const stages = options.stages ?? STAGES;
  const state = initialState(ports.env);
  const result = await runPipeline(stages, { config, ports, state });
  return writeReports(config, ports, state, result);
}
async function writeReports(config, ports, state, result) {
  const goMod = path4.join(config.dir, fs4.existsSync(path4.join(config.dir, "go.mod")) ? "go.mod" : "");
  const report = {
    tool: { ...TOOL, version: GATE_VERSION },
    run: result,
    config,
    goVersion: state.go?.version ?? "",
    artifacts: state.artifacts,
    defaultFile: path4.relative(config.workspace, goMod).split(path4.sep).join("/") || "go.mod",
    facts: state.facts
  };
  fs4.mkdirSync(config.outDir, { recursive: true });
  const files = {
    sarif: path4.join(config.outDir, "results.sarif"),
    report: path4.join(config.outDir, "report.json"),
    summary: path4.join(config.outDir, "summary.md"),
    ...state.checksumsFile ? { checksums: state.checksumsFile } : {}
  };
  const summary = renderSummary(report);
  fs4.writeFileSync(files.sarif, renderSarif(report));
  fs4.writeFileSync(files.report, renderJson(report));
  fs4.writeFileSync(files.summary, summary);
  annotate(result.findings, ports.log);
  const o = ports.outputs;
  o.set("verdict", result.verdict.passed ? "pass" : "fail");
  o.set("reasons", JSON.stringify(result.verdict.reasons));
  o.set("go-version", report.goVersion);
  o.set("artifacts", JSON.stringify(report.artifacts.map((a) => ({ path: a.displayPath, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 }))));
  o.set("checksums-file", files.checksums ?? "");
  o.set("sarif-file", files.sarif);
  o.set("report-file", files.report);
  o.set("summary-file", files.summary);
  o.set("cache-hit", state.facts["cache-hit"] ?? "off");
  await o.summary(summary);
  return { config, result, report, files };
}

export {
  INPUTS,
  require_semver2 as require_semver,
  ConfigError,
  nodeExec,
  GATE_VERSION,
  runGate
};
