'use strict';
const __gateImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __gateBuiltins = new Map();
function __gateBuiltin(id) {
  let m = __gateBuiltins.get(id);
  if (m === undefined) __gateBuiltins.set(id, (m = __toESM(require(id), 1)));
  return m;
}
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports2, module2) {
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
    module2.exports = {
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
  "node_modules/semver/internal/debug.js"(exports2, module2) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module2.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports2, module2) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports2 = module2.exports = {};
    var re = exports2.re = [];
    var safeRe = exports2.safeRe = [];
    var src = exports2.src = [];
    var safeSrc = exports2.safeSrc = [];
    var t = exports2.t = {};
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
      const safe2 = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe2;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe2, isGlobal ? "g" : void 0);
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
    exports2.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports2.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports2.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports2, module2) {
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
    module2.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports2, module2) {
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
    module2.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports2, module2) {
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
            const base3 = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base3];
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
                this.prerelease.push(base3);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base3];
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
    module2.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports2, module2) {
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
    module2.exports = parse;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports2, module2) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module2.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports2, module2) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module2.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports2, module2) {
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
    module2.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports2, module2) {
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
    module2.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module2.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module2.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module2.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports2, module2) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module2.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module2.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module2.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module2.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module2.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports2, module2) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list3, loose) => list3.sort((a, b) => compareBuild(a, b, loose));
    module2.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports2, module2) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list3, loose) => list3.sort((a, b) => compareBuild(b, a, loose));
    module2.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module2.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module2.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module2.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module2.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module2.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports2, module2) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module2.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports2, module2) {
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
    module2.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports2, module2) {
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
      const build2 = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build2}`, options);
    };
    module2.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports2, module2) {
    "use strict";
    var parse = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate2 = (version, truncation, options) => {
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
    module2.exports = truncate2;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports2, module2) {
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
    module2.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports2, module2) {
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
    module2.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports2, module2) {
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
        this.set = this.raw.split("||").map((r2) => this.parseRange(r2.trim())).filter((c) => c.length);
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
    module2.exports = Range;
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
      const r2 = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r2, (_, M, m, p, pr) => {
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
      const r2 = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r2, (_, M, m, p, pr) => {
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
      const r2 = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r2, (ret, gtlt, M, m, p, pr) => {
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
  "node_modules/semver/classes/comparator.js"(exports2, module2) {
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
        const r2 = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r2);
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
    module2.exports = Comparator;
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
  "node_modules/semver/functions/satisfies.js"(exports2, module2) {
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
    module2.exports = satisfies2;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module2.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports2, module2) {
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
    module2.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports2, module2) {
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
    module2.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports2, module2) {
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
    module2.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module2.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports2, module2) {
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
    module2.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports2, module2) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module2.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports2, module2) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module2.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module2.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports2, module2) {
    "use strict";
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    module2.exports = (versions, range, options) => {
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
  "node_modules/semver/ranges/subset.js"(exports2, module2) {
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
    module2.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports2, module2) {
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
    var truncate2 = require_truncate();
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
    module2.exports = {
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
      truncate: truncate2,
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

// tool-cache-apart:tool-cache
var require_tool_cache = __commonJS({
  "tool-cache-apart:tool-cache"(exports2, module2) {
    module2.exports = require("./cli-tool-cache.cjs");
  }
});

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  runCli: () => runCli
});
module.exports = __toCommonJS(main_exports);
var import_node_fs36 = __gateBuiltin("node:fs");
var import_node_os7 = __gateBuiltin("node:os");
var import_node_path40 = __gateBuiltin("node:path");

// src/config/config.ts
var import_node_path2 = __gateBuiltin("node:path");
var import_node_fs3 = __gateBuiltin("node:fs");

// src/config/inputs.ts
var INPUTS = [
  { name: "working-directory", kind: "path", default: ".", description: "Directory of the Go module (or go.work workspace) to gate, relative to the workspace. Must stay inside the workspace. CLI: --dir." },
  { name: "go-version", kind: "string", default: "", description: "Go version: exact (1.26.3), a range (1.26.x, ^1.25, ~1.25.2, >=1.25), stable, oldstable, or system (the go on PATH). Wins over go-version-file." },
  { name: "go-version-file", kind: "path", default: "", description: "File to read the Go version from: go.mod (toolchain line wins over the go line), go.work, .go-version or .tool-versions. Relative to working-directory. When neither this nor go-version is set, go.mod / go.work in working-directory is used." },
  { name: "go-download-base-url", kind: "string", default: "https://go.dev/dl", description: "Base URL of the Go downloads (a mirror with the same layout works): the JSON listing is read from <base>/?mode=json&include=all and each archive is verified against its SHA-256 before extraction. Must be https; a plain-http mirror on this machine (127.0.0.1, localhost, [::1]) is accepted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1." },
  { name: "targets", kind: "list", default: "linux/amd64", description: "Comma- or newline-separated GOOS/GOARCH pairs to build (those of `go tool dist list`; one the toolchain has no port for fails the gate as build/unknown-target)." },
  { name: "packages", kind: "list", default: "", description: "Main packages to build (import paths or ./relative patterns). Default: the module root when it is a main package, else every main package under cmd/." },
  { name: "ldflags", kind: "string", default: "", description: 'Extra linker flags, appended to the fixed "-s -w -buildid=".' },
  { name: "tags", kind: "list", default: "", description: "Build tags (comma- or newline-separated), passed as -tags." },
  { name: "cgo", kind: "boolean", default: "false", description: "Allow cgo (CGO_ENABLED=1). Off by default: release binaries are static." },
  { name: "strip", kind: "boolean", default: "true", description: "Expect stripped binaries (the build passes -s -w); set false to keep symbols and allow unstripped binaries." },
  { name: "run-on", kind: "list", default: "", description: "Hosts every binary must run on (comma- or newline-separated profiles): scratch, distroless-static, distroless-base, alpine, centos-7, rhel-8, rhel-9, amazonlinux-2, amazonlinux-2023, debian-11, debian-12, ubuntu-20.04, ubuntu-22.04, ubuntu-24.04, macos-<10.13|10.15|11|12|13|14|15|26>, windows-<7|8|8.1|10|11>. Each linux binary is checked against the linux profiles (C library, glibc version, kernel, zone database, CA bundle), darwin and windows binaries against the OS versions Go supports. See docs/inspect.md." },
  { name: "max-glibc", kind: "string", default: "", description: "Highest glibc a linux binary may need, e.g. 2.28 (the highest GLIBC_x.y in its symbol version needs); empty: no limit besides run-on." },
  { name: "cpu-level", kind: "list", default: "", description: "CPU levels above the baseline that are allowed, e.g. GOAMD64=v3 or GOARM64=v8.2: binaries built for a higher level than this (or any level above the baseline when unset) get an inspect/cpu-level warning." },
  { name: "output-dir", kind: "path", default: "gate-out", description: "Directory (relative to the workspace) for binaries, SHA256SUMS, results.sarif, report.json and summary.md. CLI: --out." },
  { name: "mode", kind: "enum", values: ["auto", "check", "release", "merge"], default: "auto", description: "auto: from the event (pull_request, pull_request_target, merge_group -> check; a tag ref -> release; branch pushes, workflow_dispatch on a branch, schedule -> check). check: verify and build, no signing. release: everything plus the release report. merge: download the shard bundles of this workflow run (see shard), check that every shard arrived from the same commit and passed, re-hash every binary and write one SHA256SUMS, SARIF, report and verdict (check or release is then decided from the event, as auto does; on a release the merge signs and attests the merged set as sign and the cosign and sigstore inputs say). See Modes and Fan-out in the README. The CLI has the merge command instead." },
  { name: "shard", kind: "string", default: "", description: "Fan-out: i/n (e.g. 2/4; in a matrix, the matrix value followed by /4) builds, inspects and scans only shard i of n of the targets x packages (the split is the same in every shard), never signs, and writes a shard bundle (shard.json next to the usual files) that the Action uploads as an artifact for the mode: merge job. Empty: one job does everything." },
  { name: "cache", kind: "enum", values: ["auto", "read-write", "read-only", "off"], default: "auto", description: "Go module and build caches. auto: read-write only for push to a branch, schedule, and workflow_dispatch on a branch; read-only (restore, never save) for everything else: pull requests, merge queues, reviews, comments, workflow_run, tag refs (a cache saved on a tag is visible to that tag only), unknown events and no event (the CLI: pass --cache read-write). Release mode never restores the build cache." },
  { name: "cache-max-size", kind: "size", default: "2GiB", description: "Upper bound for the saved build cache (e.g. 500MiB, 2GiB); oldest entries are dropped first." },
  { name: "cache-dir", kind: "path", default: "", cliOnly: true, description: "CLI only: local directory that holds cache entries between runs (none when empty)." },
  { name: "require-tidy", kind: "boolean", default: "false", description: "Treat `go mod tidy -diff` differences as errors instead of warnings." },
  { name: "rules", kind: "list", default: "", description: 'Per-rule overrides, comma- or newline-separated "rule-id=off|note|warning|error", e.g. "inspect/not-stripped=warning".' },
  { name: "scan", kind: "enum", values: ["auto", "on", "off"], default: "auto", description: "Vulnerability scan of go.mod and the built binaries with Trivy: trivy-path when given, else trivy-version from the tool cache or downloaded and verified. auto and on both install Trivy and scan; a Trivy that cannot be installed or run, or a vulnerability DB that cannot be fetched, errors the stage and fails the gate (set scan: off to not scan, or trivy-path to bring your own Trivy). They differ only with trivy-version: system: auto then skips with a warning when there is no trivy on PATH, on requires one. off: never scan." },
  { name: "severity", kind: "enum", values: ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN", "NONE"], default: "HIGH", description: "Lowest Trivy severity that fails the gate (any case). Below it: MEDIUM and above are warnings, LOW and UNKNOWN notes. NONE: vulnerabilities never fail the gate." },
  { name: "reachability", kind: "enum", values: ["auto", "on", "off"], default: "auto", description: `Call analysis with govulncheck (golang.org/x/vuln, pinned, built with the run's Go from the module proxy, or govulncheck-path), once per GOOS/GOARCH of the targets, joined with Trivy's advisories: each gets called (with the call path), imported, required or not analysed. on: govulncheck is required (a failed build, run or DB read fails the gate). auto: use a govulncheck that is at hand (govulncheck-path, the tool cache, PATH), and build the pinned one when vuln-reachability is imported or called; otherwise, and when it fails, say "not analysed" (which never downgrades an advisory). off: never.` },
  { name: "vuln-reachability", kind: "enum", values: ["any", "imported", "called"], default: "any", description: "Which advisories at or above severity fail the gate. any: all of them. imported: only those whose vulnerable package is imported. called: only those whose vulnerable function is reachable from the program. The others stay as warnings marked dormant, with the reason; an advisory that could not be analysed always fails." },
  { name: "govulncheck-path", kind: "string", default: "", description: "Path of a govulncheck binary to use instead of building the pinned one (absolute, or relative to the workspace)." },
  { name: "govulncheck-db", kind: "string", default: "https://vuln.go.dev", description: "The Go vulnerability database govulncheck reads: https, or file:///ABSOLUTE/DIR for a local copy (works offline)." },
  { name: "trivy-path", kind: "string", default: "", description: "Path of the trivy binary (absolute, or relative to the workspace). When set, it wins over trivy-version: no download." },
  { name: "trivy-version", kind: "string", default: "0.74.0", description: "Trivy version to run when trivy-path is not set: taken from the tool cache, else downloaded from trivy-download-base-url and verified against the SHA-256 pinned in go-release-gate (a version outside that table needs trivy-sha256; the release's own checksums file never suffices). 0.69.4 (the malicious release) is refused. system: the trivy on PATH, no download." },
  { name: "trivy-download-base-url", kind: "string", default: "https://github.com/aquasecurity/trivy/releases/download", description: "Base URL of the Trivy release downloads (a mirror with the same layout works): <base>/v<version>/trivy_<version>_Linux-64bit.tar.gz and so on. Must be https; a plain-http mirror on this machine is accepted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1." },
  { name: "trivy-sha256", kind: "string", default: "", description: "Your own SHA-256 of the Trivy archive for this runner, for a trivy-version outside the table pinned in go-release-gate. For a version in the table it must agree with the table." },
  { name: "trivy-db-repository", kind: "list", default: "mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2", description: "OCI repositories of Trivy's vulnerability DB, tried in order (comma- or newline-separated). Default: TRIVY_DB_REPOSITORY from the environment when set, else Trivy's own defaults, the mirror first. The DB is fetched once per run when it is not fresh, with retries and exponential backoff on rate limits (429, TOOMANYREQUESTS) and 5xx; every scan then runs with the update skipped." },
  { name: "trivy-db-max-age", kind: "string", default: "7d", description: "When the DB cannot be fetched, a DB already there (restored from the cache) is still used if it was updated less than this long ago (e.g. 7d, 36h), with a warning saying its age; an older one, or none, errors the scan stage." },
  { name: "trivy-cache-dir", kind: "string", default: "", description: "Trivy's cache directory holding its vulnerability DB (db/trivy.db, db/metadata.json); cache it between runs to avoid DB download rate limits. Default: a directory of the gate's own outside the workspace, restored and saved with the Go caches (a directory you give here is yours: the gate neither restores nor saves it)." },
  { name: "trivy-skip-db-update", kind: "boolean", default: "false", description: "Never download the vulnerability DB: use the one in trivy-cache-dir (the scan fails when there is none)." },
  { name: "sign", kind: "enum", values: ["auto", "always", "never"], default: "auto", description: "Sign every binary and SHA256SUMS with cosign (a Sigstore bundle <file>.sigstore.json each), then verify each signature in the same run. auto: in release mode, with cosign-key when one is given, otherwise keyless with the workflow's OIDC identity when the job may get a token (`permissions: id-token: write`); without either, signing is skipped and the summary says what to add. always: in every mode, and fail when signing is not possible. never: do not sign. Pull-request events never sign. In release mode the SLSA provenance (provenance.intoto.jsonl) is signed as an attestation too." },
  { name: "cosign-key", kind: "string", default: "", secret: true, description: "cosign private key: a file path (relative to the workspace), env://NAME (read from that environment variable), or the PEM text itself (from a repository secret; on the CLI use a path or env://NAME, as arguments are visible to other processes). Its password comes from the COSIGN_PASSWORD environment variable, never an input. The public key is written to output-dir/cosign.pub." },
  { name: "sign-tlog-upload", kind: "boolean", default: "true", description: "Record each signature in the Rekor transparency log (needs network). false keeps signatures offline; verifying them then needs --insecure-ignore-tlog, which the verify command in the report includes." },
  { name: "sign-keyless", kind: "boolean", default: "false", description: "Keyless signing (Fulcio certificate for the workflow's GitHub OIDC identity) is what the gate does whenever no cosign-key is given. true: insist on it, so a job without an OIDC token fails instead of skipping signing. Cannot be combined with cosign-key." },
  { name: "cosign-version", kind: "string", default: "v3.1.3", description: "cosign to sign with: a release version (installed from the tool cache, else downloaded from cosign-download-base-url and checked against the SHA-256 in go-release-gate's digest table or cosign-sha256 before it runs), or system (the cosign on PATH)." },
  { name: "cosign-download-base-url", kind: "string", default: "https://github.com/sigstore/cosign/releases/download", description: "Base URL of the cosign release downloads (<base>/v<version>/cosign-<os>-<arch>); a mirror with the same layout works. Must be https; a plain-http mirror on this machine (127.0.0.1, localhost, [::1]) is accepted only when the environment sets GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK=1." },
  { name: "cosign-sha256", kind: "string", default: "", description: "SHA-256 of the cosign binary for this runner, for a cosign-version outside the digest table (take it from a source you trust: the release's own checksum file is replaced together with the release). For a version the table pins it must agree with the table." },
  { name: "sigstore-fulcio-url", kind: "string", default: "", description: "A private Sigstore: Fulcio URL for keyless certificates. Empty: the public Sigstore (its services come from the signing config cosign fetches)." },
  { name: "sigstore-rekor-url", kind: "string", default: "", description: "A private Sigstore: Rekor URL for the transparency log. With sigstore-fulcio-url and no Rekor, set sign-tlog-upload: false and give sigstore-tsa-url." },
  { name: "sigstore-tsa-url", kind: "string", default: "", description: "A private Sigstore: RFC 3161 timestamp authority URL (e.g. https://tsa.example/api/v1/timestamp). Keyless signatures without a transparency log need it." },
  { name: "sigstore-trusted-root", kind: "string", default: "", description: "A private Sigstore: trusted root JSON (made with cosign trusted-root create) that verification trusts instead of the public Sigstore root. A path, relative to the workspace." },
  { name: "sigstore-oidc-issuer", kind: "string", default: "https://token.actions.githubusercontent.com", description: "OIDC issuer that keyless signatures must carry to verify. Change it only for a private Sigstore with its own issuer." },
  { name: "sigstore-certificate-identity", kind: "string", default: "", description: "Certificate identity that keyless signatures must carry to verify. Default: this workflow, https://github.com/<GITHUB_WORKFLOW_REF> (https://github.com/<owner>/<repo>/<workflow file>@<ref>). The CLI outside Actions needs it, with SIGSTORE_ID_TOKEN holding the token." }
];
function inputSpec(name) {
  const spec = INPUTS.find((i) => i.name === name);
  if (!spec) throw new Error(`unknown input ${name}`);
  return spec;
}

// src/toolchain/version.ts
var import_semver = __toESM(require_semver2(), 1);
var GO_VERSION_SYNTAX = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/;
var GO_VERSION = {
  exec(text) {
    const m = GO_VERSION_SYNTAX.exec(text);
    if (!m) return null;
    return [m[1], m[2], m[3], m[5]].every((n) => n === void 0 || Number.isSafeInteger(Number(n))) ? m : null;
  },
  test(text) {
    return GO_VERSION.exec(text) !== null;
  }
};
function isGoVersion(text) {
  return GO_VERSION.test(text);
}
function goToSemver(text) {
  const m = GO_VERSION.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a Go version`);
  const base3 = `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}`;
  return m[4] ? `${base3}-${m[4]}.${Number(m[5])}` : base3;
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
  const sorted = [...releases].filter((r2) => isGoVersion(r2.version)).sort((a, b) => import_semver.default.rcompare(goToSemver(a.version), goToSemver(b.version)));
  const stable = sorted.filter((r2) => r2.stable);
  switch (spec.kind) {
    case "exact":
      return sorted.find((r2) => goToSemver(r2.version) === goToSemver(spec.version));
    case "range":
      return stable.find((r2) => import_semver.default.satisfies(goToSemver(r2.version), spec.range));
    case "min": {
      const min = goToSemver(spec.version);
      const sameMinor = `~${import_semver.default.major(min)}.${import_semver.default.minor(min)}.0`;
      return stable.find((r2) => import_semver.default.satisfies(goToSemver(r2.version), sameMinor) && import_semver.default.gte(goToSemver(r2.version), min));
    }
    case "stable":
      return stable[0];
    case "oldstable": {
      if (!stable[0]) return void 0;
      const newest = goToSemver(stable[0].version);
      return stable.find((r2) => import_semver.default.minor(goToSemver(r2.version)) < import_semver.default.minor(newest) || import_semver.default.major(goToSemver(r2.version)) < import_semver.default.major(newest));
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
  const base3 = fileName.replace(/^.*[\\/]/, "");
  const lines = text.split(/\r?\n/);
  if (base3 === ".go-version") {
    const i = lines.findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#"));
    if (i < 0) throw new Error(`${fileName}: no Go version in the file`);
    return { spec: specOrThrow(fileName, i + 1, lines[i].trim()), line: i + 1, from: lines[i].trim() };
  }
  if (base3 === ".tool-versions") {
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
      if (!m || !isGoVersion(m[1])) throw new Error(`${fileName}:${i + 1}: toolchain "${tc[1]}" is not a Go toolchain name (goX.Y.Z)`);
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
  const os8 = platform === "win32" ? "windows" : platform;
  const a = { x64: "amd64", ia32: "386", arm: "armv6l", arm64: "arm64", s390x: "s390x", ppc64: "ppc64le", riscv64: "riscv64", loong64: "loong64" };
  return { os: os8, arch: a[arch] ?? arch };
}

// src/util/path.ts
var import_node_fs = __gateBuiltin("node:fs");
var import_node_path = __gateBuiltin("node:path");
function findOnPath(name, envPath, platform = process.platform) {
  const names = platform === "win32" ? [`${name}.exe`, name] : [name];
  for (const dir of (envPath ?? "").split(import_node_path.default.delimiter)) {
    if (!dir || !import_node_path.default.isAbsolute(dir)) continue;
    for (const n of names) {
      const file = import_node_path.default.join(dir, n);
      try {
        if (import_node_fs.default.statSync(file).isFile()) {
          import_node_fs.default.accessSync(file, import_node_fs.default.constants.X_OK);
          return file;
        }
      } catch {
      }
    }
  }
  return void 0;
}
function isInside(parent, child) {
  const rel = import_node_path.default.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !import_node_path.default.isAbsolute(rel);
}
function isExecutableFile(file) {
  try {
    import_node_fs.default.accessSync(file, import_node_fs.default.constants.X_OK);
    return import_node_fs.default.statSync(file).isFile();
  } catch {
    return false;
  }
}
function displayPath(workspace, file) {
  const r2 = import_node_path.default.relative(workspace, file);
  return r2.startsWith("..") || import_node_path.default.isAbsolute(r2) ? file : r2.split(import_node_path.default.sep).join("/");
}

// src/inspect/hosts.ts
var NO_OS = { osVersion: null };
var LINUX = { goos: "linux", ...NO_OS };
var LINUX_PROFILES = {
  // Docker's documentation of the reserved image "scratch" ("an explicitly empty image",
  // docs.docker.com, "Create a minimal base image using scratch"): no C library, no files at all.
  scratch: { ...LINUX, libc: "none", glibc: null, kernel: null, zoneinfo: false, caRoots: false },
  // GoogleContainerTools/distroless base/README.md: gcr.io/distroless/static contains
  // ca-certificates, a /etc/passwd entry, /tmp and tzdata, and no libc.
  "distroless-static": { ...LINUX, libc: "none", glibc: null, kernel: null, zoneinfo: true, caRoots: true },
  // Same README: gcr.io/distroless/base has everything in static plus glibc and libssl; the current
  // images are base-debian12 (distroless README.md image table), so glibc is Debian 12's 2.36 (below).
  "distroless-base": { ...LINUX, libc: "glibc", glibc: "2.36", kernel: null, zoneinfo: true, caRoots: true },
  // Alpine is built on musl libc (alpinelinux.org/about: "Alpine Linux is built around musl libc
  // and busybox"). Docker's official alpine image package list (docker-library/repo-info,
  // repos/alpine/local) holds ca-certificates-bundle and no tzdata; the Alpine wiki's "Setting the
  // timezone" page installs the tzdata package first.
  alpine: { ...LINUX, libc: "musl", glibc: null, kernel: null, zoneinfo: false, caRoots: true },
  // Red Hat Developer blog "Upgrading the GNU C Library within Red Hat Enterprise Linux" (2016):
  // glibc 2.17 is "the version in Red Hat Enterprise Linux 7", which CentOS 7 rebuilds; Red Hat's
  // "Red Hat Enterprise Linux Release Dates" article (access.redhat.com/articles/3078): RHEL 7 ships
  // kernel 3.10.
  "centos-7": { ...LINUX, libc: "glibc", glibc: "2.17", kernel: "3.10", zoneinfo: null, caRoots: null },
  // RHEL 8: glibc 2.28 (the glibc-2.28-*.el8 packages of RHEL 8 BaseOS, the base of PEP 600's
  // manylinux_2_28); kernel 4.18 (kernel-4.18.0-*.el8, Red Hat's release dates article).
  "rhel-8": { ...LINUX, libc: "glibc", glibc: "2.28", kernel: "4.18", zoneinfo: null, caRoots: null },
  // RHEL 9: glibc 2.34 (Red Hat's "Considerations in adopting RHEL 9", Notable changes to glibc;
  // packages glibc-2.34-*.el9, e.g. Red Hat bug 2149994 "Fixed In Version: glibc-2.34-57.el9");
  // kernel 5.14 (kernel-5.14.0-*.el9, CentOS Stream 9 kernel tags).
  "rhel-9": { ...LINUX, libc: "glibc", glibc: "2.34", kernel: "5.14", zoneinfo: null, caRoots: null },
  // Amazon Linux 2023 User Guide, "Improved toolchain: gcc, binutils, and glibc": glibc AL2 2.26,
  // AL2023 2.34. Amazon Linux 2 User Guide, "AL2 supported kernels": AL2 AMIs ship kernels 4.14
  // and 5.10 (the older one is the floor), AL2023 AMIs kernel 6.1.
  "amazonlinux-2": { ...LINUX, libc: "glibc", glibc: "2.26", kernel: "4.14", zoneinfo: null, caRoots: null },
  "amazonlinux-2023": { ...LINUX, libc: "glibc", glibc: "2.34", kernel: "6.1", zoneinfo: null, caRoots: null },
  // Debian 12 release notes (www.debian.org/releases/bookworm/amd64/release-notes, 2.3 "What's new
  // in the distribution", package table): GNU C library 2.31 in bullseye, 2.36 in bookworm; Linux
  // kernel 5.10 series in bullseye, 6.1 series in bookworm. Debian 12's archive gives tzdata
  // "Priority: required" (apt-cache show tzdata on bookworm), so every Debian 12 system and
  // image has /usr/share/zoneinfo; ca-certificates is "Priority: standard", absent from minimal
  // installs and the debian:12 image, present on standard ones: unknown.
  "debian-11": { ...LINUX, libc: "glibc", glibc: "2.31", kernel: "5.10", zoneinfo: null, caRoots: null },
  "debian-12": { ...LINUX, libc: "glibc", glibc: "2.36", kernel: "6.1", zoneinfo: true, caRoots: null },
  // Ubuntu's glibc source package per release (packages.ubuntu.com / Launchpad "glibc" in focal:
  // 2.31-0ubuntu9, jammy: 2.35-0ubuntu3, noble: 2.39-0ubuntu8) and the release kernels of Ubuntu's
  // kernel lifecycle page (ubuntu.com/kernel/lifecycle: 20.04 GA 5.4, 22.04 GA 5.15, 24.04 GA 6.8).
  "ubuntu-20.04": { ...LINUX, libc: "glibc", glibc: "2.31", kernel: "5.4", zoneinfo: null, caRoots: null },
  "ubuntu-22.04": { ...LINUX, libc: "glibc", glibc: "2.35", kernel: "5.15", zoneinfo: null, caRoots: null },
  "ubuntu-24.04": { ...LINUX, libc: "glibc", glibc: "2.39", kernel: "6.8", zoneinfo: null, caRoots: null }
};
var MACOS = ["10.13", "10.15", "11", "12", "13", "14", "15", "26"];
var WINDOWS = ["7", "8", "8.1", "10", "11"];
function osProfiles() {
  const out = {};
  const base3 = { libc: null, glibc: null, kernel: null, caRoots: true };
  for (const v of MACOS) out[`macos-${v}`] = { ...base3, goos: "darwin", osVersion: v, zoneinfo: true };
  for (const v of WINDOWS) out[`windows-${v}`] = { ...base3, goos: "windows", osVersion: v, zoneinfo: null };
  return out;
}
var PROFILES = { ...LINUX_PROFILES, ...osProfiles() };
var HOST_NAMES = Object.keys(PROFILES);
function hostProfile(name) {
  const p = PROFILES[name];
  return p && { name, goarch: "", ...p };
}
var GO_MINIMUMS = [
  // MinimumRequirements wiki, Windows: "For Go 1.11 and later: Windows 7 and higher" (go.dev/doc/go1.10
  // announced Go 1.10 as the last release on XP and Vista).
  { from: 11, goos: "windows", version: "7", note: "go.dev/wiki/MinimumRequirements#windows" },
  // go.dev/doc/go1.21#windows: Windows 10 / Server 2016 or later.
  { from: 21, goos: "windows", version: "10", note: "go.dev/doc/go1.21#windows" },
  // go.dev/doc/go1.17#darwin: macOS 10.13 High Sierra or later.
  { from: 17, goos: "darwin", version: "10.13", note: "go.dev/doc/go1.17#darwin" },
  // go.dev/doc/go1.21#darwin: macOS 10.15 Catalina or later.
  { from: 21, goos: "darwin", version: "10.15", note: "go.dev/doc/go1.21#darwin" },
  // go.dev/doc/go1.23#darwin: macOS 11 Big Sur or later.
  { from: 23, goos: "darwin", version: "11", note: "go.dev/doc/go1.23#darwin" },
  // go.dev/doc/go1.25#darwin: macOS 12 Monterey or later.
  { from: 25, goos: "darwin", version: "12", note: "go.dev/doc/go1.25#darwin" },
  // go.dev/doc/go1.26#darwin: Go 1.27 will require macOS 13 Ventura or later.
  { from: 27, goos: "darwin", version: "13", note: "go.dev/doc/go1.26#darwin" },
  // MinimumRequirements wiki, Linux: kernel 2.6.32 up to Go 1.23; go.dev/doc/go1.24#linux: 3.2 or later.
  { from: 0, goos: "linux", version: "2.6.32", note: "go.dev/wiki/MinimumRequirements#linux" },
  { from: 24, goos: "linux", version: "3.2", note: "go.dev/doc/go1.24#linux" }
];
function goMinor(goVersion) {
  const m = /^go1\.(\d+)/.exec(goVersion);
  return m ? Number(m[1]) : null;
}
function goMinimumOs(goos, minor) {
  let best = null;
  for (const row of GO_MINIMUMS) if (row.goos === goos && row.from <= minor) best = { version: row.version, note: row.note };
  return best;
}

// src/inspect/runtime-needs.ts
function libcOf(format, isStatic, interpreter, needed) {
  if (format !== "elf") return null;
  if (isStatic) return "none";
  const interp = interpreter ?? "";
  const base3 = interp.slice(interp.lastIndexOf("/") + 1);
  if (/^ld-musl-/.test(base3) || needed.some((n) => /^libc\.musl-/.test(n))) return "musl";
  if (/^\/system\/bin\/linker(64)?$/.test(interp)) return "bionic";
  if (/^(ld-linux.*\.so\.\d+|ld64\.so\.\d+|ld\.so\.1)$/.test(base3) || needed.includes("libc.so.6")) return "glibc";
  if (needed.includes("libc.so")) return interp === "" || /musl/.test(interp) ? "musl" : "unknown";
  if (interp === "" && needed.length === 0) return "none";
  return "unknown";
}
function compareVersions(a, b) {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function versionFloor(needs, prefix) {
  const re = new RegExp(`^${prefix}_(\\d+(?:\\.\\d+)*)$`);
  let best = null;
  for (const n of needs) {
    for (const v of n.versions) {
      const m = re.exec(v);
      if (m && (best === null || compareVersions(m[1], best) > 0)) best = m[1];
    }
  }
  return best;
}
var CPU_LEVELS = {
  amd64: { variable: "GOAMD64", baseline: "v1", levels: ["v1", "v2", "v3", "v4"] },
  arm64: { variable: "GOARM64", baseline: "v8.0", levels: ["v8.0", "v8.1", "v8.2", "v8.3", "v8.4", "v8.5", "v8.6", "v8.7", "v8.8", "v8.9", "v9.0", "v9.1", "v9.2", "v9.3", "v9.4", "v9.5"] },
  arm: { variable: "GOARM", baseline: "7", levels: ["5", "6", "7"] },
  "386": { variable: "GO386", baseline: "sse2", levels: ["softfloat", "sse2"] },
  ppc64: { variable: "GOPPC64", baseline: "power8", levels: ["power8", "power9", "power10"] },
  ppc64le: { variable: "GOPPC64", baseline: "power8", levels: ["power8", "power9", "power10"] },
  riscv64: { variable: "GORISCV64", baseline: "rva20u64", levels: ["rva20u64", "rva22u64", "rva23u64"] }
};
function cpuLevelOf(goarch, settings) {
  const spec = CPU_LEVELS[goarch];
  if (!spec || !settings) return null;
  const raw2 = settings.find((s) => s.key === spec.variable)?.value;
  if (raw2 === void 0 || raw2 === "") return { variable: spec.variable, level: spec.baseline, default: true };
  return { variable: spec.variable, level: raw2.split(",")[0], default: false };
}
function levelRank(goarch, level) {
  return CPU_LEVELS[goarch]?.levels.indexOf(level) ?? -1;
}
function formatCpuLevel(c) {
  return c ? `${c.variable}=${c.level}${c.default ? " (default)" : ""}` : null;
}

// src/tools/cosign.ts
var HERMIT = "cashapp/hermit-packages cosign.hcl";
var SCOOP_WINGET = "ScoopInstaller/Main bucket/cosign.json and microsoft/winget-pkgs Sigstore.Cosign installer manifest";
var INSTALLER = "sigstore/cosign-installer action.yml and cashapp/hermit-packages cosign.hcl";
var INSTALLER_SCOOP = "sigstore/cosign-installer action.yml and ScoopInstaller/Main bucket/cosign.json";
var COSIGN_DIGESTS = {
  // v3.1.3. Linux and macOS: cashapp/hermit-packages cosign.hcl, sha256sums map keyed by the
  // release URL (lines added in commit 93daa8f130da00ab46a00fa3962cadc22049030c). No second
  // named repository pins them; several unnamed public files agree. Windows:
  // ScoopInstaller/Main bucket/cosign.json @ 782c97f69376d22537588229e3a5d65fbe8f4c65, and
  // microsoft/winget-pkgs manifests/s/Sigstore/Cosign/3.1.3/Sigstore.Cosign.installer.yaml
  // @ 778cb0df71b771dd3d4df678b42076f7320d8940 (InstallerSha256, upper-case there).
  "v3.1.3": {
    "cosign-linux-amd64": "4629c757b7618056f8ddd7e2625ae9fdd94c0372a65049520bc7d9df9efc7f71",
    "cosign-linux-arm64": "c5d324e091826b0d7a78eb16fef316450b4eb9aaec045611c08ba06f5e73220a",
    "cosign-darwin-amd64": "2347488e5d5b25336644024dfeca5601b190e91197a71a917bda44744aff106c",
    "cosign-darwin-arm64": "5cf948c2f4dfe59687bdd0b8523709067383e03982cc543475c8a7dc70e92a76",
    "cosign-windows-amd64.exe": "9fe59be0eca1271873ce019061335eb1ac419b7059202e797828467ddabe33be"
  },
  // v3.0.6: sigstore/cosign-installer action.yml (bootstrap_*_sha) on main
  // @ 3094a48ba06382e0e6cfa5a4af4fcc55fc6942b9 and tag v4.1.2 @ 6f9f17788090df1f26f669e9d70d6ae9567deba6;
  // the same values in cashapp/hermit-packages cosign.hcl, and for Windows in
  // ScoopInstaller/Main bucket/cosign.json @ 8a6dba2f451274a9de5450df6cf4260402afbb29.
  "v3.0.6": {
    "cosign-linux-amd64": "c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74",
    "cosign-linux-arm64": "bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8",
    "cosign-darwin-amd64": "4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280",
    "cosign-darwin-arm64": "5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084",
    "cosign-windows-amd64.exe": "9b85a88ebff2d9dd30ff4984a6f61f2cedc232dd87d81fa7f2ff3c0ed96c241c"
  }
};
var COSIGN_DIGEST_SOURCES = {
  "v3.1.3": {
    "cosign-linux-amd64": HERMIT,
    "cosign-linux-arm64": HERMIT,
    "cosign-darwin-amd64": HERMIT,
    "cosign-darwin-arm64": HERMIT,
    "cosign-windows-amd64.exe": SCOOP_WINGET
  },
  "v3.0.6": {
    "cosign-linux-amd64": INSTALLER,
    "cosign-linux-arm64": INSTALLER,
    "cosign-darwin-amd64": INSTALLER,
    "cosign-darwin-arm64": INSTALLER,
    "cosign-windows-amd64.exe": INSTALLER_SCOOP
  }
};
var OS = { linux: "linux", darwin: "darwin", win32: "windows" };
var ARCH = { x64: "amd64", arm64: "arm64" };
function cosignAssetName(platform, arch) {
  const os8 = OS[platform];
  const a = ARCH[arch];
  if (!os8 || !a) return void 0;
  return `cosign-${os8}-${a}${os8 === "windows" ? ".exe" : ""}`;
}
function normalizeCosignVersion(v) {
  const m = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(v);
  return m ? `v${m[1]}` : void 0;
}
var CosignAssetError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "CosignAssetError";
  }
};
function cosignAsset(r2) {
  const asset = cosignAssetName(r2.platform, r2.arch);
  if (!asset) throw new CosignAssetError(`cosign publishes no binary for ${r2.platform}/${r2.arch}; use cosign-version: system with a cosign on PATH`);
  const table2 = r2.table ?? COSIGN_DIGESTS;
  const sources = r2.sources ?? (r2.table ? {} : COSIGN_DIGEST_SOURCES);
  let sha256;
  let digestSource;
  const tabled = table2[r2.version]?.[asset];
  if (r2.sha256 && tabled && r2.sha256.toLowerCase() !== tabled) {
    throw new CosignAssetError(`cosign-sha256 ${r2.sha256.toLowerCase()} differs from the digest go-release-gate's digest table pins for ${asset} ${r2.version} (${tabled}, ${sources[r2.version]?.[asset] ?? "test table"}); remove cosign-sha256 or use a version outside the table`);
  }
  if (r2.sha256) {
    sha256 = r2.sha256.toLowerCase();
    digestSource = "the cosign-sha256 input";
  } else {
    const known = table2[r2.version]?.[asset];
    if (!known) {
      const versions = Object.keys(table2).filter((v) => table2[v][asset]).join(", ") || "none";
      const why = table2[r2.version] ? `has no digest for ${asset}` : `has no cosign ${r2.version}`;
      throw new CosignAssetError(`go-release-gate's digest table ${why} (versions it knows for ${asset}: ${versions}); give that asset's SHA-256 as cosign-sha256 (from a source you trust, not the release's own checksum file) or use a version the table knows`);
    }
    sha256 = known;
    digestSource = `go-release-gate's digest table (${sources[r2.version]?.[asset] ?? "test table"})`;
  }
  return {
    tool: "cosign",
    version: r2.version.replace(/^v/, ""),
    arch: r2.arch,
    url: `${r2.baseUrl}/${r2.version}/${asset}`,
    asset,
    sha256,
    digestSource,
    packing: "binary",
    program: asset.endsWith(".exe") ? "cosign.exe" : "cosign"
  };
}

// src/util/hash.ts
var import_node_fs2 = __gateBuiltin("node:fs");

// src/util/builtin.ts
var import_node_module = require("node:module");
function onFirstUse(id) {
  let loaded;
  return () => loaded ??= (0, import_node_module.createRequire)(__gateImportMetaUrl)(id);
}

// src/util/hash.ts
var nodeCrypto = onFirstUse("node:crypto");
var sha256Hash = () => nodeCrypto().createHash("sha256");
var randomUUID = () => nodeCrypto().randomUUID();
function sha256Hex(data) {
  const c = nodeCrypto();
  return typeof c.hash === "function" ? c.hash("sha256", data, "hex") : c.createHash("sha256").update(data).digest("hex");
}
var READ_BYTES = 128 << 10;
var readBuffer;
function sharedReadBuffer() {
  return readBuffer ??= Buffer.allocUnsafe(READ_BYTES);
}
function* hashSteps(fd, h) {
  const buf = sharedReadBuffer();
  let n;
  while ((n = import_node_fs2.default.readSync(fd, buf, 0, buf.length, null)) > 0) {
    h.update(buf.subarray(0, n));
    yield n;
  }
}
function sha256File(file, opts = {}) {
  const fd = import_node_fs2.default.openSync(file, import_node_fs2.default.constants.O_RDONLY | (opts.noFollow ? import_node_fs2.default.constants.O_NOFOLLOW ?? 0 : 0));
  try {
    const h = sha256Hash();
    for (const _ of hashSteps(fd, h)) ;
    return h.digest("hex");
  } finally {
    import_node_fs2.default.closeSync(fd);
  }
}
var SLICE_BYTES = 1 << 20;
async function sha256FileInSlices(file) {
  const fd = import_node_fs2.default.openSync(file, "r");
  try {
    const h = sha256Hash();
    let since = 0;
    for (const n of hashSteps(fd, h)) {
      since += n;
      if (since >= SLICE_BYTES) {
        since = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return h.digest("hex");
  } finally {
    import_node_fs2.default.closeSync(fd);
  }
}

// src/fanout/split.ts
var MAX_SHARDS = 256;
var ShardError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ShardError";
  }
};
function parseShard(text) {
  const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})\s*$/.exec(text);
  if (!m) throw new ShardError(`"${text}" is not a shard: write i/n, e.g. 2/4 (shard 2 of 4)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new ShardError(`"${text}": the number of shards must be 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new ShardError(`"${text}": the shard number must be 1 to ${count}`);
  return { index, count };
}
function shardLabel(s) {
  return `${s.index}/${s.count}`;
}
function jobKey(j) {
  return `${j.pkg}\0${j.goos}/${j.goarch}`;
}
function sortJobs(jobs) {
  const byKey = /* @__PURE__ */ new Map();
  for (const j of jobs) if (!byKey.has(jobKey(j))) byKey.set(jobKey(j), { goos: j.goos, goarch: j.goarch, pkg: j.pkg });
  return [...byKey.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, j]) => j);
}
function shareOf(jobs, s) {
  return sortJobs(jobs).filter((_, i) => i % s.count === s.index - 1);
}
function setIdOf(jobs, count) {
  const h = sha256Hash();
  h.update(`shards ${count}
`);
  for (const j of sortJobs(jobs)) h.update(`${j.pkg} ${j.goos}/${j.goarch}
`);
  return h.digest("hex");
}
function sameJobs(a, b) {
  const x = sortJobs(a).map(jobKey);
  const y = sortJobs(b).map(jobKey);
  return x.length === y.length && x.every((k, i) => k === y[i]);
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
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
function raw(spec, inputs) {
  const v = inputs[spec.name];
  const value = v === void 0 || v.trim() === "" ? spec.default : v.trim();
  if (spec.kind !== "list" && !spec.secret && /[\r\n]/.test(value)) throw new ConfigError(spec.name, "must be a single line (it contains a line break)");
  const c = CONTROL.exec(value);
  if (c) throw new ConfigError(spec.name, `contains the control character U+${c[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()} at position ${c.index + 1}`);
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
    const hint = spec.values.find((v) => v.toLowerCase() === value.toLowerCase());
    throw new ConfigError(spec.name, `"${value}" is not one of ${spec.values.join(", ")}${hint ? ` (values are lower-case: ${hint})` : ""}`);
  }
  return value;
}
var SHELL_META = /[`$;|&<>]/;
function rejectShellMeta(name, value, extra) {
  const m = SHELL_META.exec(value) ?? extra?.exec(value);
  if (m) {
    throw new ConfigError(name, `contains "${m[0]}" at position ${m.index + 1}: go-release-gate runs no shell, so it would be passed on literally (no expansion, no command); remove it`);
  }
}
function checkPathText(name, value) {
  rejectShellMeta(name, value, /[*?"']/);
  if (value.startsWith("~")) throw new ConfigError(name, `"${value}" starts with "~", which is not expanded; give a path relative to the workspace`);
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
function checkPackage(p) {
  if (!PACKAGE.test(p)) throw new ConfigError("packages", `"${p}" is not a package path or ./relative pattern (letters, digits and ._~/@+- only)`);
  if (p.startsWith("/") || p.split("/").includes("..")) {
    throw new ConfigError("packages", `"${p}" leaves the module: give an import path or a ./relative pattern inside working-directory`);
  }
}
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
  const tail2 = [];
  let cur = p;
  for (; ; ) {
    try {
      return import_node_path2.default.join(import_node_fs3.default.realpathSync(cur), ...tail2.reverse());
    } catch {
      const parent = import_node_path2.default.dirname(cur);
      if (parent === cur) return p;
      tail2.push(import_node_path2.default.basename(cur));
      cur = parent;
    }
  }
}
function confinedPath(name, value, base3, roots) {
  if (value.includes("\0")) throw new ConfigError(name, "contains a NUL byte");
  checkPathText(name, value);
  const resolved = realpathOrSelf(import_node_path2.default.resolve(base3, value));
  if (!roots.some((r2) => isInside(realpathOrSelf(r2), resolved))) {
    throw new ConfigError(name, `"${value}" resolves to ${resolved}, outside the workspace ${roots[0]}`);
  }
  return resolved;
}
function readEventPayload(file) {
  if (!file) return {};
  try {
    const v = JSON.parse(import_node_fs3.default.readFileSync(file, "utf8"));
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
function field(o, ...keys) {
  let cur = o;
  for (const k of keys) cur = cur && typeof cur === "object" ? cur[k] : void 0;
  return cur;
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "merge_group"]);
function eventFrom(env, payload = readEventPayload(env.GITHUB_EVENT_PATH)) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const payloadRef = field(payload, "ref");
  const ref = env.GITHUB_REF || (typeof payloadRef === "string" && payloadRef.startsWith("refs/") ? payloadRef : "");
  const isTag = ref.startsWith("refs/tags/");
  const ev = isTag ? { name, ref, isTag, tag: ref.slice("refs/tags/".length) } : { name, ref, isTag };
  if (env.GITHUB_SHA && /^[0-9a-f]{40,64}$/.test(env.GITHUB_SHA)) ev.sha = env.GITHUB_SHA;
  const repo = env.GITHUB_REPOSITORY ?? "";
  if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
    const server = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(env.GITHUB_SERVER_URL ?? "") ? env.GITHUB_SERVER_URL : "https://github.com";
    ev.repositoryUrl = `${server}/${repo}`;
  }
  if (name === "pull_request" || name === "pull_request_target") {
    const head2 = field(payload, "pull_request", "head", "repo", "full_name");
    const base3 = field(payload, "pull_request", "base", "repo", "full_name");
    if (field(payload, "pull_request") !== void 0) ev.fromFork = typeof head2 !== "string" || head2 !== base3;
  }
  if (field(payload, "deleted") === true) ev.deleted = true;
  return ev;
}
function refName(ref) {
  return ref.replace(/^refs\/(heads|tags)\//, "") || ref;
}
function resolveMode(input, event) {
  if (input === "check" || input === "release") return { mode: input, reason: `mode input "${input}"` };
  if (PULL_REQUEST_EVENTS.has(event.name)) return { mode: "check", reason: `${event.name} event${event.fromFork ? " from a fork" : ""}` };
  if (event.deleted) return { mode: "check", reason: `${event.name} deleting ${event.ref}: nothing to release` };
  if (event.isTag) return { mode: "release", reason: `${event.name || "no"} event on tag ${event.tag}` };
  if (!event.name) return { mode: "check", reason: "no GitHub event" };
  return { mode: "check", reason: `${event.name} event${event.ref ? ` on ${refName(event.ref)}` : ""}` };
}
var CACHE_WRITING_EVENTS = /* @__PURE__ */ new Set(["push", "schedule", "workflow_dispatch"]);
function parseShardInput(value) {
  if (value.trim() === "") return void 0;
  try {
    return parseShard(value);
  } catch (e) {
    if (e instanceof ShardError) throw new ConfigError("shard", e.message);
    throw e;
  }
}
function resolveCacheMode(input, event) {
  if (input === "read-write" || input === "read-only" || input === "off") return input;
  const onBranch = event.ref.startsWith("refs/heads/") && !event.isTag;
  if (CACHE_WRITING_EVENTS.has(event.name) && onBranch && !event.deleted) return "read-write";
  return "read-only";
}
var PEM_KEY = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----\r?\n[\s\S]*\n-----END [A-Z0-9 ]*PRIVATE KEY-----\s*$/;
function parseCosignKey(value, workspace, env) {
  if (value === "") return void 0;
  if (value.startsWith("-----BEGIN")) {
    if (!PEM_KEY.test(value)) throw new ConfigError("cosign-key", 'starts like PEM text but is not a complete "-----BEGIN ... PRIVATE KEY-----" ... "-----END ... PRIVATE KEY-----" block (the value is secret and not shown)');
    return { kind: "pem", pem: value.replace(/\r\n/g, "\n").trimEnd() + "\n" };
  }
  const env_ = /^env:\/\/(.*)$/.exec(value);
  if (env_) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env_[1])) throw new ConfigError("cosign-key", `env://${env_[1]} does not name an environment variable (letters, digits and _ only)`);
    if (!env[env_[1]]) throw new ConfigError("cosign-key", `env://${env_[1]}: the environment variable ${env_[1]} is not set or empty`);
    return { kind: "env", name: env_[1] };
  }
  const shown2 = value.length <= 200 && /^[\w./@+ ~-]+$/.test(value) ? `"${value}"` : "the value (secret, not shown)";
  if (/[\r\n\0]/.test(value)) throw new ConfigError("cosign-key", `${shown2} is neither a file path, env://NAME nor a PEM private key`);
  if (SHELL_META.test(value) || /[*?"']/.test(value) || value.startsWith("~")) {
    throw new ConfigError("cosign-key", `${shown2} is not a plain file path (no shell expansion, globs, quotes or ~ happen here); give a path relative to the workspace, env://NAME or the PEM text`);
  }
  return { kind: "file", path: import_node_path2.default.resolve(workspace, value) };
}
function resolveSign(input, mode, modeReason, event, hasKey, keyless) {
  if (input === "never") return { enabled: false, reason: 'sign input "never"' };
  if (PULL_REQUEST_EVENTS.has(event.name)) {
    return { enabled: false, reason: `${event.name} events never sign: the code under review is not trusted with the signing key${event.fromFork ? ", and a fork gets no OIDC token" : ""}` };
  }
  if (event.deleted) return { enabled: false, reason: `${event.name} deleting ${event.ref}: nothing to sign` };
  if (input === "always") return { enabled: true, reason: 'sign input "always"' };
  if (mode !== "release") return { enabled: false, reason: `check mode (${modeReason}) signs nothing; set sign: always to sign outside release mode` };
  const how = hasKey ? "with cosign-key" : keyless ? "keyless (sign-keyless)" : "keyless when the job has an OIDC token";
  return { enabled: true, reason: `release mode (${modeReason}), ${how}` };
}
var SHA256_HEX = /^[0-9a-fA-F]{64}$/;
function parseCosignChoice(version, baseUrl, sha256, env) {
  if (sha256 && !SHA256_HEX.test(sha256)) throw new ConfigError("cosign-sha256", `"${sha256}" is not a SHA-256 (64 hex digits)`);
  if (version === "system") {
    if (sha256) throw new ConfigError("cosign-sha256", "applies to a downloaded cosign; with cosign-version: system the cosign on PATH is used as it is");
    return { kind: "system" };
  }
  const v = normalizeCosignVersion(version);
  if (!v) throw new ConfigError("cosign-version", `"${version}" is not a cosign release version (like v3.1.3) or system`);
  const base3 = checkDownloadBaseUrl("cosign-download-base-url", baseUrl, env);
  return { kind: "release", version: v, baseUrl: base3, ...sha256 ? { sha256: sha256.toLowerCase() } : {} };
}
function serviceUrl(name, value, env) {
  return value ? checkDownloadBaseUrl(name, value, env) : "";
}
function parseSigstore(get, workspace, env, keyed, tlogUpload, signs) {
  const sigstore = {
    fulcioUrl: serviceUrl("sigstore-fulcio-url", get("sigstore-fulcio-url"), env),
    rekorUrl: serviceUrl("sigstore-rekor-url", get("sigstore-rekor-url"), env),
    tsaUrl: serviceUrl("sigstore-tsa-url", get("sigstore-tsa-url"), env),
    trustedRoot: toolPath("sigstore-trusted-root", get("sigstore-trusted-root"), workspace),
    oidcIssuer: get("sigstore-oidc-issuer"),
    identity: get("sigstore-certificate-identity")
  };
  rejectShellMeta("sigstore-oidc-issuer", sigstore.oidcIssuer, /\s/);
  rejectShellMeta("sigstore-certificate-identity", sigstore.identity, /\s/);
  const privateSigstore = sigstore.fulcioUrl || sigstore.rekorUrl || sigstore.tsaUrl;
  if (!signs) return sigstore;
  if (privateSigstore && !keyed && !sigstore.fulcioUrl) throw new ConfigError("sigstore-fulcio-url", "a private Sigstore (sigstore-rekor-url or sigstore-tsa-url is set) signs keyless only with its own Fulcio: set sigstore-fulcio-url too");
  if (privateSigstore && tlogUpload && !sigstore.rekorUrl) {
    throw new ConfigError("sign-tlog-upload", "is true, but the private Sigstore has no sigstore-rekor-url: give its Rekor, or set sign-tlog-upload: false (keyless signatures then rest on sigstore-tsa-url's timestamps)");
  }
  return sigstore;
}
function toolPath(name, value, workspace) {
  if (!value) return "";
  if (value.includes("\0")) throw new ConfigError(name, "contains a NUL byte");
  checkPathText(name, value);
  return import_node_path2.default.resolve(workspace, value);
}
var ALLOW_HTTP_LOOPBACK = "GO_RELEASE_GATE_ALLOW_HTTP_LOOPBACK";
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "[::1]"]);
function checkDownloadBaseUrl(name, value, env) {
  rejectShellMeta(name, value, /\s/);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL`);
  }
  if (url.username || url.password) throw new ConfigError(name, "must not contain credentials");
  if (url.protocol === "http:") {
    const hatch = env[ALLOW_HTTP_LOOPBACK] === "1";
    if (!hatch || !LOOPBACK_HOSTS.has(url.hostname)) {
      const why = hatch ? `${ALLOW_HTTP_LOOPBACK}=1 admits plain http only for 127.0.0.1, localhost and [::1], not ${url.hostname}` : `plain http can be tampered with on the way; use an https mirror (a loopback http mirror needs ${ALLOW_HTTP_LOOPBACK}=1 in the environment)`;
      throw new ConfigError(name, `"${value}" must be https: ${why}`);
    }
  } else if (url.protocol !== "https:") {
    throw new ConfigError(name, `"${value}" must be https, not ${url.protocol.replace(/:$/, "")}`);
  }
  if (url.search || url.hash) throw new ConfigError(name, `"${value}" has a query or fragment; give the base directory only`);
  return value.replace(/\/+$/, "");
}
function parseVulnDb(value, env) {
  if (value.startsWith("file://")) {
    rejectShellMeta("govulncheck-db", value, /\s/);
    let p;
    try {
      p = decodeURIComponent(new URL(value).pathname);
    } catch {
      throw new ConfigError("govulncheck-db", `"${value}" is not a file:// URL`);
    }
    if (!import_node_path2.default.isAbsolute(p) || !value.startsWith("file:///")) throw new ConfigError("govulncheck-db", `"${value}" must name an absolute directory: file:///path/to/db`);
    return value;
  }
  return checkDownloadBaseUrl("govulncheck-db", value, env);
}
function parseRunOn(value) {
  const names = splitList(value);
  for (const n of names) {
    if (HOST_NAMES.includes(n)) continue;
    const hint = HOST_NAMES.find((h) => h === n.toLowerCase());
    throw new ConfigError("run-on", `"${n}" is not a known host profile${hint ? ` (profiles are lower-case: ${hint})` : ""}; known: ${HOST_NAMES.join(", ")}`);
  }
  return [...new Set(names)];
}
function parseMaxGlibc(value) {
  if (value === "") return "";
  const v = value.replace(/^GLIBC_/, "");
  if (!/^\d+\.\d+(\.\d+)?$/.test(v)) throw new ConfigError("max-glibc", `"${value}" is not a glibc version like 2.28`);
  return v;
}
function parseCpuLevel(value) {
  const out = {};
  const variables = [...new Set(Object.values(CPU_LEVELS).map((c) => c.variable))];
  for (const item of splitList(value)) {
    const m = /^([A-Z0-9]+)=(.+)$/.exec(item);
    const spec = m ? Object.values(CPU_LEVELS).find((c) => c.variable === m[1]) : void 0;
    if (!m || !spec) throw new ConfigError("cpu-level", `"${item}" is not VARIABLE=level with VARIABLE one of ${variables.join(", ")}`);
    const level = m[2].split(",")[0];
    if (!spec.levels.includes(level)) throw new ConfigError("cpu-level", `"${item}": ${m[1]} levels are ${spec.levels.join(", ")}`);
    out[m[1]] = level;
  }
  return out;
}
var DURATION_UNITS = { m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(name, value) {
  const parts = /^(?:\d+[dhm])+$/i.test(value) ? [...value.matchAll(/(\d+)([dhm])/gi)] : [];
  const ms = parts.reduce((n, m) => n + Number(m[1]) * DURATION_UNITS[m[2].toLowerCase()], 0);
  if (!parts.length || ms <= 0) throw new ConfigError(name, `"${value}" is not a duration like 7d, 36h or 90m`);
  return ms;
}
function parseTrivyVersion(value) {
  if (value === "system") return value;
  const v = value.replace(/^v/, "");
  if (!/^\d+\.\d+\.\d+$/.test(v)) throw new ConfigError("trivy-version", `"${value}" is not a Trivy version like 0.74.0, or system for the trivy on PATH`);
  return v;
}
function parseSha256(name, value) {
  if (!value) return "";
  if (!/^[0-9a-fA-F]{64}$/.test(value)) throw new ConfigError(name, `"${value.slice(0, 80)}" is not a SHA-256 (64 hex digits)`);
  return value.toLowerCase();
}
var OCI_REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9.-]*(:\d+)?(\/[a-z0-9]+(?:[._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})?$/;
function parseDbRepositories(value) {
  const repos = splitList(value);
  for (const r2 of repos) {
    if (!OCI_REPOSITORY.test(r2)) throw new ConfigError("trivy-db-repository", `"${r2}" is not an OCI repository like ghcr.io/aquasecurity/trivy-db:2`);
  }
  if (!repos.length) throw new ConfigError("trivy-db-repository", "no repository given");
  return [...new Set(repos)];
}
function trivyCacheDir(value, workspace) {
  const dir = toolPath("trivy-cache-dir", value, workspace);
  if (dir && isInside(workspace, realpathOrSelf(dir))) throw new ConfigError("trivy-cache-dir", `"${value}" is inside the workspace ${workspace}; give a directory outside it (e.g. under the runner's temp dir)`);
  return dir;
}
function parseConfig(inputs, ctx) {
  for (const key2 of Object.keys(inputs)) {
    if (!INPUTS.some((i) => i.name === key2)) throw new ConfigError(key2, "is not a known input");
  }
  const get = (name) => raw(inputSpec(name), inputs);
  const workspace = realpathOrSelf(import_node_path2.default.resolve(ctx.workspace));
  const dir = confinedPath("working-directory", get("working-directory"), workspace, [workspace]);
  const outDir = confinedPath("output-dir", get("output-dir"), workspace, [workspace, ...ctx.writableRoots ?? []]);
  const holds = isInside(outDir, workspace) ? "the workspace" : isInside(outDir, dir) ? "the module directory" : "";
  if (holds) throw new ConfigError("output-dir", `"${get("output-dir")}" is or contains ${holds}; give the gate a directory of its own, e.g. gate-out`);
  if (import_node_path2.default.relative(workspace, outDir).split(import_node_path2.default.sep)[0] === ".git") throw new ConfigError("output-dir", `"${get("output-dir")}" is inside .git`);
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
  const base3 = checkDownloadBaseUrl("go-download-base-url", get("go-download-base-url"), ctx.env);
  const packages = splitList(get("packages"));
  for (const p of packages) checkPackage(p);
  const ldflags = get("ldflags");
  rejectShellMeta("ldflags", ldflags);
  const tags = splitList(get("tags"));
  for (const t of tags) if (!TAG.test(t)) throw new ConfigError("tags", `"${t}" is not a build tag`);
  const event = eventFrom(ctx.env);
  const modeInput = parseEnum(inputSpec("mode"), get("mode"));
  const merge = modeInput === "merge";
  const shard = parseShardInput(get("shard"));
  if (merge && shard) throw new ConfigError("shard", "a shard builds its share and mode: merge merges the shards: one job cannot do both (leave shard empty in the merge job)");
  const { mode, reason } = resolveMode(merge ? "auto" : modeInput, event);
  const cacheDirRaw = get("cache-dir");
  const key = parseCosignKey(get("cosign-key"), workspace, ctx.env);
  const keyless = parseBoolean("sign-keyless", get("sign-keyless"));
  if (key && keyless) throw new ConfigError("sign-keyless", "cannot be true when cosign-key is set: sign with the key or keyless, not both");
  const signChoice = resolveSign(parseEnum(inputSpec("sign"), get("sign")), mode, reason, event, key !== void 0, keyless);
  const tlogUpload = parseBoolean("sign-tlog-upload", get("sign-tlog-upload"));
  const cosign = parseCosignChoice(get("cosign-version"), get("cosign-download-base-url"), get("cosign-sha256"), ctx.env);
  const sigstore = parseSigstore(get, workspace, ctx.env, key !== void 0, tlogUpload, signChoice.enabled);
  return {
    workspace,
    dir,
    outDir,
    goVersion,
    goVersionFile,
    goDownloadBaseUrl: base3,
    targets: parseTargets(get("targets")),
    packages,
    ldflags,
    tags,
    cgo: parseBoolean("cgo", get("cgo")),
    strip: parseBoolean("strip", get("strip")),
    runOn: parseRunOn(get("run-on")),
    maxGlibc: parseMaxGlibc(get("max-glibc")),
    cpuLevel: parseCpuLevel(get("cpu-level")),
    mode,
    modeReason: reason,
    cache: resolveCacheMode(parseEnum(inputSpec("cache"), get("cache")), event),
    cacheMaxSize: parseSize("cache-max-size", get("cache-max-size")),
    cacheDir: cacheDirRaw ? (checkPathText("cache-dir", cacheDirRaw), import_node_path2.default.resolve(cacheDirRaw)) : "",
    requireTidy: parseBoolean("require-tidy", get("require-tidy")),
    rules: parseRules(get("rules")),
    event,
    sign: { ...signChoice, required: get("sign") === "always", ...key ? { key } : {}, keyless, tlogUpload, cosign, sigstore },
    scan: parseEnum(inputSpec("scan"), get("scan")),
    severity: parseEnum(inputSpec("severity"), get("severity").toUpperCase()),
    trivyPath: toolPath("trivy-path", get("trivy-path"), workspace),
    trivyCacheDir: trivyCacheDir(get("trivy-cache-dir"), workspace),
    trivySkipDbUpdate: parseBoolean("trivy-skip-db-update", get("trivy-skip-db-update")),
    reachability: parseEnum(inputSpec("reachability"), get("reachability")),
    vulnReachability: parseEnum(inputSpec("vuln-reachability"), get("vuln-reachability")),
    govulncheckPath: toolPath("govulncheck-path", get("govulncheck-path"), workspace),
    govulncheckDb: parseVulnDb(get("govulncheck-db"), ctx.env),
    ...shard ? { shard } : {},
    merge,
    trivyVersion: parseTrivyVersion(get("trivy-version")),
    trivyDownloadBaseUrl: checkDownloadBaseUrl("trivy-download-base-url", get("trivy-download-base-url"), ctx.env),
    trivySha256: parseSha256("trivy-sha256", get("trivy-sha256")),
    trivyDbRepositories: parseDbRepositories(inputs["trivy-db-repository"]?.trim() ? get("trivy-db-repository") : ctx.env.TRIVY_DB_REPOSITORY?.trim() || get("trivy-db-repository")),
    trivyDbMaxAgeMs: parseDuration("trivy-db-max-age", get("trivy-db-max-age"))
  };
}

// src/cli/args.ts
var ALIASES = { dir: "working-directory", out: "output-dir" };
var FRONT_DOOR_FLAGS = [
  ["--workspace VALUE", "Root that paths are confined to and reported from (default: the git top-level of --dir, else --dir). Ignored inside GitHub Actions, where it is GITHUB_WORKSPACE."],
  ["--quiet", "Print no progress lines, only warnings, errors and the verdict."],
  ["--help", "Print the flags of this command."]
];
function parseArgs(argv) {
  const [command = "", ...args] = argv;
  const inputs = {};
  const rest = [];
  let quiet = false;
  let workspace;
  let help2 = command === "--help" || command === "-h" || command === "help";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") {
      help2 = true;
      continue;
    }
    if (a === "--quiet") {
      quiet = true;
      continue;
    }
    if (a === "--workspace" || a.startsWith("--workspace=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (v === void 0 || v === "") throw new ConfigError("workspace", "--workspace needs a value");
      workspace = v;
      continue;
    }
    if (!a.startsWith("--")) {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const flag = a.slice(2, eq < 0 ? void 0 : eq);
    const name = ALIASES[flag] ?? flag;
    const spec = INPUTS.find((s) => s.name === name && !s.actionOnly);
    if (!spec) throw new ConfigError(flag, `unknown flag --${flag} (see --help)`);
    let value;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (spec.kind === "boolean" && (args[i + 1] === void 0 || args[i + 1].startsWith("--") || !/^(true|false|yes|no|1|0|on|off)$/i.test(args[i + 1]))) value = "true";
    else if (args[i + 1] === void 0) throw new ConfigError(flag, `--${flag} needs a value`);
    else value = args[++i];
    if (name in inputs && spec.kind === "list") inputs[name] += `,${value}`;
    else inputs[name] = value;
  }
  return { command, inputs, help: help2, rest, quiet, ...workspace !== void 0 ? { workspace } : {} };
}
function runFlagLines() {
  const lines = [];
  for (const s of INPUTS) {
    if (s.actionOnly) continue;
    const alias = Object.entries(ALIASES).find(([, v]) => v === s.name)?.[0];
    const flag = `--${alias ?? s.name}${s.kind === "boolean" ? "" : " VALUE"}`;
    const def = s.default ? ` (default ${s.default})` : "";
    lines.push(`  ${flag.padEnd(30)} ${s.description}${def}`);
  }
  for (const [flag, text] of FRONT_DOOR_FLAGS) lines.push(`  ${flag.padEnd(30)} ${text}`);
  return lines;
}
function usage() {
  const lines = [
    "Usage:",
    "  go-release-gate run [flags]              build, check and report; exit 0 pass, 1 fail, 2 usage/config error",
    "  go-release-gate run --shard i/n [flags]  the same for shard i of n of the targets x packages: writes a shard bundle (never signs)",
    "  go-release-gate merge [--out DIR] [--mode M] [signing flags] SHARD_DIR...   check the shard bundles and merge them: one SHA256SUMS, SARIF, report, verdict;",
    "                                           on a release (--mode release, or a tag ref) sign and attest the merged set as run does (--sign, --cosign-key, --sigstore-*, ...)",
    "  go-release-gate inspect [--json] [--go-version-m] FILE...   inspect binaries (readelf / ldd / go version -m)",
    "  go-release-gate --version",
    "",
    "Flags of run (the same as the Action inputs):",
    ...runFlagLines()
  ];
  return `${lines.join("\n")}
`;
}
function runUsage() {
  const lines = [
    "Usage: go-release-gate run [flags]",
    "",
    "Build, check and report; exit 0 pass, 1 fail, 2 usage/config error.",
    "",
    "Outside GitHub Actions --dir and --out are read from the current directory and may be absolute;",
    "the workspace (the root they must stay inside, and that reported paths start from) is --workspace,",
    "else the git top-level of --dir, else --dir. Inside GitHub Actions it is GITHUB_WORKSPACE.",
    "",
    "Flags (the same as the Action inputs, then the CLI's own):",
    ...runFlagLines()
  ];
  return `${lines.join("\n")}
`;
}

// src/cli/exec.ts
var import_node_child_process = require("node:child_process");

// src/cli/progress.ts
var import_node_path3 = __gateBuiltin("node:path");
var base = (file) => import_node_path3.default.basename(file).replace(/\.exe$/i, "");
function shown(workspace, p) {
  const rel = import_node_path3.default.relative(workspace, p);
  return rel && !rel.startsWith("..") && !import_node_path3.default.isAbsolute(rel) ? rel : rel === "" ? "." : p;
}
function describeStep(s) {
  const tool = base(s.file);
  const [sub, second] = s.args;
  if (tool === "go" && sub === "build") {
    const target = s.env?.GOOS && s.env?.GOARCH ? `${s.env.GOOS}/${s.env.GOARCH}` : "host";
    return `build ${target} ${s.args[s.args.length - 1]}`;
  }
  if (tool === "go" && sub === "mod" && second === "download") return "modules: go mod download";
  if (tool === "go" && sub === "mod" && second === "verify") return "modules: go mod verify";
  if (tool === "trivy" && s.args.includes("--download-db-only")) return "scan: fetch the vulnerability DB";
  if (tool === "trivy" && (sub === "fs" || sub === "rootfs")) {
    const target = s.args[s.args.length - 1];
    const fetch = s.args.includes("--skip-db-update") ? "" : " (fetches the vulnerability DB when it is missing or stale)";
    return `scan: trivy ${sub} ${shown(s.workspace, target)}${fetch}`;
  }
  if (tool === "cosign" && (sub === "sign-blob" || sub === "verify-blob")) {
    const subject = s.args[s.args.length - 1];
    return `sign: cosign ${sub} ${shown(s.workspace, subject)}`;
  }
  return void 0;
}
function formatSeconds(ms) {
  return ms < 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms / 1e3)} s`;
}
function progressLine(what, outcome, ms) {
  const how = outcome.timedOut ? "timed out" : outcome.code === 0 ? "ok" : `exit ${outcome.code}`;
  return `  ${what}: ${how} (${formatSeconds(ms)})`;
}
function announcesStart(s) {
  return base(s.file) === "trivy" && !s.args.includes("--skip-db-update");
}

// src/util/clock.ts
function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

// src/cli/exec.ts
var MAX_CAPTURE = 64 * 1024 * 1024;
var nodeExec = {
  run(file, args, options = {}) {
    return new Promise((resolve) => {
      const child = (0, import_node_child_process.spawn)(file, [...args], {
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
      const finish2 = (code2, extra = "") => {
        if (timer) clearTimeout(timer);
        resolve({
          code: code2,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8") + extra,
          ...timedOut ? { timedOut } : {}
        });
      };
      child.on("error", (e) => finish2(127, `${file}: ${e.message}`));
      child.on("close", (code2, signal) => finish2(code2 ?? (signal ? 128 : 1)));
    });
  }
};
function withProgress(exec, workspace, progress) {
  return {
    async run(file, args, options = {}) {
      const step = { file, args, env: options.env, workspace };
      const what = describeStep(step);
      if (what === void 0) return exec.run(file, args, options);
      if (announcesStart(step)) progress(`  ${what} ...`);
      const t0 = nowMs();
      const r2 = await exec.run(file, args, options);
      progress(progressLine(what, r2, nowMs() - t0));
      return r2;
    }
  };
}

// src/cli/adapters.ts
var import_node_fs4 = __gateBuiltin("node:fs");
var import_node_os2 = __gateBuiltin("node:os");
var import_node_path5 = __gateBuiltin("node:path");

// src/cli/cache-home.ts
var import_node_os = __gateBuiltin("node:os");
var import_node_path4 = __gateBuiltin("node:path");
function cacheHome(env) {
  return env.XDG_CACHE_HOME || import_node_path4.default.join(import_node_os.default.homedir(), ".cache");
}
function gateCacheDir(env, name) {
  return import_node_path4.default.join(cacheHome(env), "go-release-gate", name);
}

// src/cli/adapters.ts
var import_node_child_process2 = require("node:child_process");
var import_node_diagnostics_channel = __gateBuiltin("node:diagnostics_channel");

// src/util/logtext.ts
var COMMAND_BREAK = "\xB7";
var LEADING_SPACE = /^[\s\u0085]*/;
function controlPicture(c) {
  const code2 = c.charCodeAt(0);
  return code2 === 127 ? "\u2421" : String.fromCharCode(9216 + code2);
}
function safeLine(line) {
  const v1Safe = line.replace(/##\[/g, `#${COMMAND_BREAK}#[`);
  const lead = LEADING_SPACE.exec(v1Safe)[0];
  const rest = v1Safe.slice(lead.length);
  return rest.startsWith("::") ? `${lead}:${COMMAND_BREAK}${rest.slice(1)}` : v1Safe;
}
function safeLogText(text) {
  const lines = text.replace(/\r\n/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, controlPicture).split("\n");
  return lines.map(safeLine).join("\n");
}

// src/util/neterror.ts
var GENERIC = /* @__PURE__ */ new Set(["fetch failed", "network error", "terminated"]);
var MAX_DEPTH = 6;
function ownText(e) {
  const message = typeof e.message === "string" ? e.message.trim() : "";
  const code2 = typeof e.code === "string" ? e.code : "";
  if (message && !GENERIC.has(message)) return code2 && !message.includes(code2) ? `${message} (${code2})` : message;
  return code2;
}
function describeNetworkError(error) {
  const texts = [];
  let current = error;
  for (let depth = 0; depth < MAX_DEPTH && current && typeof current === "object"; depth++) {
    const e = current;
    const own = ownText(e);
    if (own && !texts.some((t) => t.includes(own))) texts.push(own);
    if (Array.isArray(e.errors) && e.errors.length) {
      const each = [...new Set(e.errors.map((x) => describeNetworkError(x)).filter((t) => t !== ""))];
      if (each.length) texts.push(each.join("; "));
      break;
    }
    current = e.cause;
  }
  if (texts.length === 0) return error instanceof Error ? error.message || error.name : String(error);
  return texts.join(": ");
}

// src/cli/adapters.ts
function where(loc) {
  if (!loc) return "";
  const f = loc.file ?? loc.artifact;
  return f ? `${f}${loc.line ? `:${loc.line}` : ""}: ` : "";
}
function consoleLogger(write, debug = false) {
  const secrets = [];
  const clean = (m) => secrets.reduce((s, x) => s.split(x).join("***"), m);
  const line = (m) => write(`${safeLogText(clean(m))}
`);
  return {
    info: (m) => line(m),
    debug: (m) => debug ? line(`debug: ${m}`) : void 0,
    warning: (m, loc) => line(`warning: ${where(loc)}${m}`),
    error: (m, loc) => line(`error: ${where(loc)}${m}`),
    async group(name, fn) {
      line(`== ${name}`);
      return fn();
    },
    mask: (s) => {
      if (s) secrets.push(s);
    }
  };
}
function memoryState() {
  const values = /* @__PURE__ */ new Map();
  return {
    save: (k, v) => void values.set(k, v),
    get: (k) => values.get(k) ?? ""
  };
}
function fileOutputs() {
  const values = {};
  return {
    values,
    set(name, value) {
      values[name] = value;
    },
    async summary() {
    },
    addPath() {
    }
  };
}
async function countingResponses(fn) {
  let last;
  const onResponse = (m) => {
    const res = m.response;
    if (!res || res.statusCode !== 200) return;
    const length = Number(res.headers["content-length"] ?? NaN);
    const seen = { got: 0, ...Number.isFinite(length) ? { expected: length } : {} };
    last = seen;
    const emit = res.emit;
    res.emit = function(event, ...args) {
      if (event === "data") seen.got += args[0].length;
      return emit.call(this, event, ...args);
    };
  };
  import_node_diagnostics_channel.default.subscribe("http.client.response.finish", onResponse);
  try {
    return { value: await fn(), last };
  } catch (error) {
    return { error, last };
  } finally {
    import_node_diagnostics_channel.default.unsubscribe("http.client.response.finish", onResponse);
  }
}
async function withoutCoreDebug(fn) {
  const write = process.stdout.write;
  const filtered = function(chunk, ...rest) {
    if (typeof chunk === "string" && chunk.startsWith("::debug::")) {
      const done = rest.find((x) => typeof x === "function");
      done?.();
      return true;
    }
    return write.call(this, chunk, ...rest);
  };
  process.stdout.write = filtered;
  try {
    return await fn();
  } finally {
    if (process.stdout.write === filtered) process.stdout.write = write;
  }
}
function localTools(root, tempDir) {
  const dirOf = (tool, version, arch) => import_node_path5.default.join(root, tool, version, arch);
  return {
    find(tool, version, arch) {
      const d = dirOf(tool, version, arch);
      return import_node_fs4.default.existsSync(`${d}.complete`) ? d : void 0;
    },
    versions(tool, arch) {
      const base3 = import_node_path5.default.join(root, tool);
      if (!import_node_fs4.default.existsSync(base3)) return [];
      return import_node_fs4.default.readdirSync(base3).filter((v) => import_node_fs4.default.existsSync(`${dirOf(tool, v, arch)}.complete`));
    },
    async download(url) {
      const tc = await Promise.resolve().then(() => __toESM(require_tool_cache(), 1));
      import_node_fs4.default.mkdirSync(tempDir, { recursive: true });
      const dest = import_node_path5.default.join(tempDir, `download-${randomUUID()}`);
      const r2 = await withoutCoreDebug(() => countingResponses(() => tc.downloadTool(url, dest)));
      if (!("error" in r2) || r2.error === void 0) return r2.value;
      import_node_fs4.default.rmSync(dest, { force: true });
      const e = r2.error;
      const status = e instanceof tc.HTTPError ? e.httpStatusCode : void 0;
      if (status !== void 0) throw Object.assign(new Error(`GET ${url}: HTTP ${status}`, { cause: e }), { status });
      const cut = r2.last && r2.last.expected !== void 0 && r2.last.got < r2.last.expected ? r2.last : void 0;
      if (cut) throw new Error(`GET ${url}: connection closed after ${cut.got} of ${cut.expected} bytes (truncated): ${describeNetworkError(e)}`, { cause: e });
      throw new Error(`GET ${url}: ${describeNetworkError(e)}`, { cause: e });
    },
    async extract(archive) {
      const dest = import_node_fs4.default.mkdtempSync(import_node_path5.default.join(tempDir, "extract-"));
      const args = archive.endsWith(".zip") ? ["-q", archive, "-d", dest] : ["-xzf", archive, "-C", dest];
      const r2 = (0, import_node_child_process2.spawnSync)(archive.endsWith(".zip") ? "unzip" : "tar", args, { encoding: "utf8" });
      if (r2.status !== 0) throw new Error(`extracting ${archive} failed: ${r2.stderr || r2.error?.message}`);
      return dest;
    },
    async uncache(tool, version, arch) {
      const d = dirOf(tool, version, arch);
      import_node_fs4.default.rmSync(`${d}.complete`, { force: true });
      import_node_fs4.default.rmSync(d, { recursive: true, force: true });
    },
    async cache(dir, tool, version, arch) {
      const d = dirOf(tool, version, arch);
      import_node_fs4.default.rmSync(d, { recursive: true, force: true });
      import_node_fs4.default.rmSync(`${d}.complete`, { force: true });
      import_node_fs4.default.mkdirSync(import_node_path5.default.dirname(d), { recursive: true });
      import_node_fs4.default.cpSync(dir, d, { recursive: true, verbatimSymlinks: true });
      import_node_fs4.default.writeFileSync(`${d}.complete`, "");
      return d;
    }
  };
}
function envIdToken(env) {
  return {
    available: () => !!env.SIGSTORE_ID_TOKEN?.trim(),
    async get() {
      const token = env.SIGSTORE_ID_TOKEN?.trim();
      if (!token) throw new Error('SIGSTORE_ID_TOKEN is not set: the CLI signs keyless only with a token from the caller (audience "sigstore")');
      return token;
    }
  };
}
function cliPorts(p) {
  return {
    exec: p.exec,
    log: p.log,
    tools: localTools(gateCacheDir(p.env, "tools"), p.tempDir),
    state: p.state,
    outputs: p.outputs,
    ...p.cache ? { cache: p.cache } : {},
    idToken: envIdToken(p.env),
    env: p.env,
    tempDir: p.tempDir,
    keepDir: gateCacheDir(p.env, "kept"),
    workspace: p.workspace,
    platform: { os: import_node_os2.default.type(), arch: process.arch.toUpperCase() }
  };
}

// src/run.ts
var import_node_fs29 = __gateBuiltin("node:fs");
var import_node_os5 = __gateBuiltin("node:os");
var import_node_path33 = __gateBuiltin("node:path");

// src/pipeline/findings.ts
function fingerprintOf(ruleId, subject) {
  return sha256Hex(`${ruleId}\0${subject}`).slice(0, 32);
}
function describeLocation(loc) {
  if (!loc) return "";
  if (loc.file) return `${loc.file}:${loc.line ?? 0}`;
  return loc.artifact ?? "";
}
function finding(rule2, stage2, input) {
  const subject = input.subject ?? `${describeLocation(input.location)}\0${input.message}`;
  const f = {
    ruleId: rule2.id,
    severity: input.severity ?? rule2.defaultSeverity,
    message: input.message,
    stage: stage2,
    fingerprint: fingerprintOf(rule2.id, subject)
  };
  if (input.location) f.location = input.location;
  if (input.details) f.details = input.details;
  if (input.fix) f.fix = input.fix;
  if (input.rootCause) f.rootCause = true;
  return f;
}
var order = { error: 0, warning: 1, note: 2 };
function compareFindings(a, b) {
  return order[a.severity] - order[b.severity] || describeLocation(a.location).localeCompare(describeLocation(b.location)) || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
function rule(r2) {
  return { helpUri: `https://github.com/org/go-release-gate/blob/v1/docs/rules.md#${r2.id.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`, ...r2 };
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
  const causes = [];
  const rest = [];
  for (const s of stages) {
    const errors = s.findings.filter((f) => f.severity === "error");
    for (const f of errors) {
      (f.rootCause ? causes : rest).push(f.stage === s.name && f.message.startsWith(`${s.name} stage:`) ? f.message : `${s.name}: ${f.message}`);
    }
    if ((s.status === "failed" || s.status === "errored") && errors.length === 0) {
      rest.push(`${s.name}: ${s.status === "errored" ? "could not complete" : "failed"}${s.reason ? `: ${s.reason}` : ""}`);
    }
  }
  const reasons = [...causes, ...rest];
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
async function runPipeline(stages, ctx, hooks = {}) {
  const startedAt = /* @__PURE__ */ new Date();
  const t0 = nowMs();
  const results = [];
  const after = (r2, stage2) => hooks.afterStage ? hooks.afterStage(r2, stage2) : r2;
  const background = [];
  const settle = async () => {
    for (const b of background.splice(0)) {
      results[b.index] = await ctx.ports.log.group(`${b.stage.name} (checks that ran alongside)`, async () => {
        b.log.flush();
        const r2 = await finish(b.stage, ctx, () => b.pending);
        b.log.flush();
        return after(r2, b.stage);
      });
      results[b.index].durationMs = Math.round((b.ended.at ?? nowMs()) - b.started);
    }
  };
  const early = /* @__PURE__ */ new Map();
  const contextFor = (log) => {
    const exec = ctx.ports.exec?.withLog?.(log.logger) ?? ctx.ports.exec;
    return { ...ctx, ports: { ...ctx.ports, log: log.logger, exec } };
  };
  const startPrefetches = (done) => {
    for (const later of stages.slice(stages.indexOf(done) + 1)) {
      if (later.prefetch?.after !== done.name || early.has(later)) continue;
      const log = deferredLog(ctx.ports.log);
      log.buffer();
      let answer;
      try {
        answer = Promise.resolve(later.prefetch.run(contextFor(log)));
      } catch (e) {
        answer = Promise.reject(e);
      }
      answer.catch(() => void 0);
      early.set(later, { answer, log });
    }
  };
  for (const stage2 of stages) {
    if (stage2.settlesFirst) await settle();
    const s0 = nowMs();
    const log = deferredLog(ctx.ports.log);
    const pre = early.get(stage2);
    const stageCtx = { ...contextFor(log), ...pre ? { prefetched: pre.answer } : {} };
    let pending;
    const result = await ctx.ports.log.group(`${stage2.name}`, async () => {
      pre?.log.flush();
      const done = await finish(stage2, stageCtx, async () => {
        const outcome = await (stage2.start ?? stage2.run)(stageCtx);
        pending = outcome.pending;
        pending?.catch(() => void 0);
        return outcome;
      });
      return pending ? done : after(done, stage2);
    });
    result.durationMs = Math.round(nowMs() - s0);
    results.push(result);
    startPrefetches(stage2);
    if (pending) {
      log.buffer();
      const ended = {};
      const mark = () => void (ended.at = nowMs());
      pending.then(mark, mark);
      background.push({ index: results.length - 1, stage: stage2, started: s0, ended, pending, log });
    }
  }
  await settle();
  const findings = results.flatMap((r2) => r2.findings).sort(compareFindings);
  const rules = [STAGE_CRASHED, ...stages.flatMap((s) => s.rules)];
  return {
    verdict: decide(results),
    stages: results,
    findings,
    rules: rules.filter((r2, i) => rules.findIndex((x) => x.id === r2.id) === i),
    startedAt,
    durationMs: Math.round(nowMs() - t0)
  };
}
async function finish(stage2, ctx, run4) {
  try {
    const { pending: _pending, ...outcome } = await run4();
    const result = { ...outcome, name: stage2.name, durationMs: 0, findings: applyRuleOverrides(outcome.findings, ctx.config.rules) };
    if (result.status === "failed" && outcome.findings.some((f) => f.severity === "error") && !result.findings.some((f) => f.severity === "error")) {
      result.status = "passed";
    }
    return result;
  } catch (e) {
    const message = `${stage2.name} stage: ${errorText(e)}`;
    ctx.ports.log.error(message);
    return {
      name: stage2.name,
      status: "errored",
      reason: errorText(e),
      durationMs: 0,
      findings: [finding(STAGE_CRASHED, stage2.name, { message, subject: stage2.name, details: e instanceof Error && e.stack ? e.stack : void 0 })]
    };
  }
}
function deferredLog(base3) {
  let held;
  const via = (f) => held ? held.push(f) : f();
  return {
    logger: {
      info: (m) => via(() => base3.info(m)),
      debug: (m) => via(() => base3.debug(m)),
      warning: (m, loc) => via(() => base3.warning(m, loc)),
      error: (m, loc) => via(() => base3.error(m, loc)),
      group: (name, fn) => held ? fn() : base3.group(name, fn),
      mask: (s) => base3.mask(s)
    },
    buffer: () => {
      held = [];
    },
    flush: () => {
      const lines = held ?? [];
      held = void 0;
      for (const f of lines) f();
    }
  };
}

// src/stages/toolchain.ts
var import_node_fs9 = __gateBuiltin("node:fs");
var import_node_path9 = __gateBuiltin("node:path");

// src/toolchain/listing.ts
function parseListing(text, source) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${e.message}); first bytes: ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (!Array.isArray(doc)) throw new Error(`${source}: expected a JSON array of releases`);
  return doc.map((r2, i) => {
    const rel = r2;
    if (typeof rel.version !== "string" || !Array.isArray(rel.files)) throw new Error(`${source}: release #${i} has no version or files`);
    return {
      version: rel.version.replace(/^go/, ""),
      stable: rel.stable === true,
      files: rel.files.map((f) => ({
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
function archiveFor(release, os8, arch) {
  return release.files.find((f) => f.kind === "archive" && f.os === os8 && f.arch === arch);
}
function safeFileName(name) {
  return /^go[0-9A-Za-z.]+\.[a-z0-9]+-[a-z0-9]+\.(tar\.gz|zip)$/.test(name);
}

// src/tools/install.ts
var import_node_fs5 = __gateBuiltin("node:fs");
var import_node_path6 = __gateBuiltin("node:path");
var InstallError = class extends Error {
  kind;
  /** The download's own error (its message names the network failure). */
  reason;
  constructor(kind, message, reason) {
    super(message);
    this.name = "InstallError";
    this.kind = kind;
    this.reason = reason;
  }
};
function programIn(dir, program) {
  return import_node_path6.default.join(dir, ...program.split("/"));
}
async function installTool(tools, asset, log) {
  const cached = tools.find(asset.tool, asset.version, asset.arch);
  if (cached && import_node_fs5.default.existsSync(programIn(cached, asset.program))) {
    return { dir: cached, bin: programIn(cached, asset.program), source: "tool-cache", sha256: asset.sha256 };
  }
  log.info(`Downloading ${asset.tool} ${asset.version} from ${asset.url}`);
  let file;
  try {
    file = await tools.download(asset.url);
  } catch (e) {
    throw new InstallError("download", `could not download ${asset.url}: ${e.message}`, e);
  }
  const actual = sha256File(file);
  if (actual !== asset.sha256) {
    const size = import_node_fs5.default.statSync(file).size;
    import_node_fs5.default.rmSync(file, { force: true });
    const got = asset.size && size !== asset.size ? `received ${size} bytes, the listing says ${asset.size}: truncated or replaced` : `${size} bytes`;
    throw new InstallError("checksum", `SHA-256 mismatch for ${asset.asset} (${got}): expected ${asset.sha256} (${asset.digestSource}), got ${actual}; it was not extracted or run`);
  }
  log.info(`SHA-256 ${actual} of ${asset.asset} matches ${asset.digestSource}`);
  let tree;
  if (asset.packing === "binary") {
    tree = import_node_fs5.default.mkdtempSync(`${file}.d-`);
    const dest = programIn(tree, asset.program);
    import_node_fs5.default.mkdirSync(import_node_path6.default.dirname(dest), { recursive: true });
    import_node_fs5.default.renameSync(file, dest);
    import_node_fs5.default.chmodSync(dest, 493);
  } else {
    try {
      tree = await tools.extract(file);
    } catch (e) {
      throw new InstallError("layout", `${asset.asset} could not be extracted: ${e.message}`);
    } finally {
      import_node_fs5.default.rmSync(file, { force: true });
    }
  }
  const top = asset.root ? programIn(tree, asset.root) : tree;
  if (!import_node_fs5.default.existsSync(programIn(top, asset.program))) {
    throw new InstallError("layout", `${asset.asset} has no ${asset.root ? `${asset.root}/` : ""}${asset.program}`);
  }
  const dir = await tools.cache(top, asset.tool, asset.version, asset.arch);
  import_node_fs5.default.rmSync(tree, { recursive: true, force: true });
  return { dir, bin: programIn(dir, asset.program), source: "download", sha256: actual };
}

// src/toolchain/probe.ts
var import_node_fs8 = __gateBuiltin("node:fs");
var import_node_path8 = __gateBuiltin("node:path");

// src/inspect/errors.ts
var FormatError = class extends Error {
  offset;
  constructor(offset, message) {
    super(`${message} (at file offset 0x${offset.toString(16)})`);
    this.name = "FormatError";
    this.offset = offset;
  }
};
function unrecognized(detail) {
  return new FormatError(0, `unrecognized file format: ${detail}`);
}

// src/inspect/fields.ts
function block(bytes, offset, le) {
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes, offset, le };
}
function need(b, at, n, what) {
  if (at < 0 || at + n > b.bytes.length) throw new FormatError(b.offset + at, `truncated ${what}`);
}
function u16(b, at, what = "field") {
  need(b, at, 2, what);
  return b.view.getUint16(at, b.le);
}
function u32(b, at, what = "field") {
  need(b, at, 4, what);
  return b.view.getUint32(at, b.le);
}
function u64(b, at, what = "field") {
  need(b, at, 8, what);
  return b.view.getBigUint64(at, b.le);
}
function word(b, at, bits, what = "field") {
  return bits === 64 ? u64(b, at, what) : BigInt(u32(b, at, what));
}
var MAX = BigInt(Number.MAX_SAFE_INTEGER);
function safe(v, at, what) {
  if (v > MAX) throw new FormatError(at, `${what} 0x${v.toString(16)} is too large`);
  return Number(v);
}
function cstring(bytes, at, fileOffset, what) {
  if (!Number.isSafeInteger(at) || at < 0 || at >= bytes.length) {
    throw new FormatError(fileOffset, `${what}: string index ${at} outside the ${bytes.length}-byte table`);
  }
  const end = bytes.indexOf(0, at);
  if (end < 0) throw new FormatError(fileOffset + at, `${what}: unterminated string`);
  return latin1OrUtf8(bytes.subarray(at, end));
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
var latin1 = new TextDecoder("latin1");
function latin1OrUtf8(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}
function fixedName(bytes) {
  const end = bytes.indexOf(0);
  return latin1OrUtf8(end < 0 ? bytes : bytes.subarray(0, end));
}

// src/inspect/image.ts
function mappedAt(mappings, addr) {
  for (const m of mappings) {
    if (addr < m.addr || addr - m.addr >= BigInt(m.size)) continue;
    const delta = Number(addr - m.addr);
    return { offset: m.offset + delta, left: m.size - delta };
  }
  return null;
}
function archName(known, raw2) {
  return known ?? `unknown(0x${raw2.toString(16)})`;
}

// src/inspect/notes.ts
var NT_GNU_BUILD_ID = 3;
var NT_GO_BUILD_ID = 4;
function pad(n, align) {
  return Math.ceil(n / align) * align;
}
function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
async function readNotes(src, ranges, le) {
  const ids = { goBuildId: null, gnuBuildId: null };
  for (const r2 of ranges) {
    const b = block(await src.read(r2.offset, r2.size, "note segment"), r2.offset, le);
    let at = 0;
    while (at + 12 <= r2.size) {
      const namesz = u32(b, at, "note header");
      const descsz = u32(b, at + 4, "note header");
      const type = u32(b, at + 8, "note header");
      const nameAt = at + 12;
      const descAt = at + pad(12 + namesz, r2.align);
      const next = at + pad(descAt - at + descsz, r2.align);
      if (descAt + descsz > r2.size) {
        throw new FormatError(r2.offset + at, `note of ${namesz}+${descsz} bytes overruns its ${r2.size}-byte segment`);
      }
      const name = latin1OrUtf8(b.bytes.subarray(nameAt, nameAt + namesz)).replace(/\0+$/, "");
      const desc = b.bytes.subarray(descAt, descAt + descsz);
      if (name === "Go" && type === NT_GO_BUILD_ID && ids.goBuildId === null) ids.goBuildId = latin1OrUtf8(desc);
      if (name === "GNU" && type === NT_GNU_BUILD_ID && ids.gnuBuildId === null) ids.gnuBuildId = hex(desc);
      at = next;
    }
  }
  return ids;
}
var PREFIX = new TextEncoder().encode('\xFF Go build ID: "'.replace("\xFF", ""));
var END = '"\n \xFF';
async function goBuildIdFromText(src) {
  const head2 = await src.read(0, Math.min(src.size, 32 * 1024), "file head");
  for (let i = head2.indexOf(255); i >= 0 && i < head2.length; i = head2.indexOf(255, i + 1)) {
    if (!PREFIX.every((c, k) => head2[i + 1 + k] === c)) continue;
    const start = i + 1 + PREFIX.length;
    const text = new TextDecoder("latin1").decode(head2.subarray(start, Math.min(head2.length, start + 1024)));
    const end = text.indexOf(END);
    if (end < 0) return null;
    return text.slice(0, end);
  }
  return null;
}

// src/inspect/elf.ts
var ET_REL = 1;
var ET_EXEC = 2;
var ET_DYN = 3;
var ET_CORE = 4;
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var PT_INTERP = 3;
var PT_NOTE = 4;
var PT_GNU_STACK = 1685382481;
var PT_GNU_RELRO = 1685382482;
var PF_X = 1;
var PF_W = 2;
var SHT_NULL = 0;
var SHT_SYMTAB = 2;
var SHT_STRTAB = 3;
var SHT_DYNAMIC = 6;
var SHT_NOTE = 7;
var SHT_NOBITS = 8;
var SHT_GNU_VERNEED = 1879048190;
var SHN_LORESERVE = 65280;
var SHN_XINDEX = 65535;
var DT_NULL = 0n;
var DT_NEEDED = 1n;
var DT_STRTAB = 5n;
var DT_STRSZ = 10n;
var DT_RPATH = 15n;
var DT_BIND_NOW = 24n;
var DT_RUNPATH = 29n;
var DT_FLAGS = 30n;
var DT_FLAGS_1 = 0x6ffffffbn;
var DT_VERNEED = 0x6ffffffen;
var DT_VERNEEDNUM = 0x6fffffffn;
var DF_BIND_NOW = 0x8n;
var DF_1_NOW = 0x1n;
var DF_1_PIE = 0x08000000n;
var MACHINES = {
  3: () => "386",
  62: () => "amd64",
  40: () => "arm",
  183: () => "arm64",
  22: (bits) => bits === 64 ? "s390x" : "s390",
  20: () => "ppc",
  21: (_b, le) => le ? "ppc64le" : "ppc64",
  8: (bits, le) => bits === 64 ? le ? "mips64le" : "mips64" : le ? "mipsle" : "mips",
  243: (bits) => bits === 64 ? "riscv64" : "riscv",
  258: () => "loong64",
  43: () => "sparc64"
};
async function readElfHeader(src) {
  const ident = await src.read(0, 16, "ELF identification");
  const cls = ident[4], data = ident[5];
  if (cls !== 1 && cls !== 2) throw new FormatError(4, `invalid ELF class ${cls}`);
  if (data !== 1 && data !== 2) throw new FormatError(5, `invalid ELF data encoding ${data}`);
  if (ident[6] !== 1) throw new FormatError(6, `invalid ELF version ${ident[6]}`);
  const bits = cls === 2 ? 64 : 32;
  const le = data === 1;
  const h = block(await src.read(0, bits === 64 ? 64 : 52, "ELF header"), 0, le);
  const version = u32(h, 20);
  if (version !== 1) throw new FormatError(20, `ELF header version ${version} does not match identification version 1`);
  const at = bits === 64 ? [32, 40, 54] : [28, 32, 42];
  return {
    bits,
    le,
    type: u16(h, 16),
    machine: u16(h, 18),
    phoff: safe(word(h, at[0], bits), at[0], "program header offset"),
    shoff: safe(word(h, at[1], bits), at[1], "section header offset"),
    phentsize: u16(h, at[2]),
    phnum: u16(h, at[2] + 2),
    shentsize: u16(h, at[2] + 4),
    shnum: u16(h, at[2] + 6),
    shstrndx: u16(h, at[2] + 8)
  };
}
async function readProgramHeaders(src, h) {
  if (h.phnum === 0) return [];
  const min = h.bits === 64 ? 56 : 32;
  if (h.phentsize < min) throw new FormatError(h.bits === 64 ? 54 : 42, `program header size ${h.phentsize} is below ${min}`);
  if (h.phoff === 0) throw new FormatError(h.bits === 64 ? 32 : 28, `${h.phnum} program headers at offset 0`);
  const table2 = await src.read(h.phoff, h.phnum * h.phentsize, "program header table");
  const progs = [];
  for (let i = 0; i < h.phnum; i++) {
    const off = h.phoff + i * h.phentsize;
    const b = block(table2.subarray(i * h.phentsize, (i + 1) * h.phentsize), off, h.le);
    const p = h.bits === 64 ? { type: u32(b, 0), flags: u32(b, 4), offset: u64(b, 8), vaddr: u64(b, 16), filesz: u64(b, 32), memsz: u64(b, 40), align: u64(b, 48) } : { type: u32(b, 0), offset: BigInt(u32(b, 4)), vaddr: BigInt(u32(b, 8)), filesz: BigInt(u32(b, 16)), memsz: BigInt(u32(b, 20)), flags: u32(b, 24), align: BigInt(u32(b, 28)) };
    progs.push({ ...p, offset: safe(p.offset, off, "segment offset"), filesz: safe(p.filesz, off, "segment file size") });
  }
  return progs;
}
function decodeSection(h, b) {
  const r2 = h.bits === 64 ? { nameIndex: u32(b, 0), type: u32(b, 4), flags: u64(b, 8), addr: u64(b, 16), offset: u64(b, 24), size: u64(b, 32), link: u32(b, 40), info: u32(b, 44) } : { nameIndex: u32(b, 0), type: u32(b, 4), flags: BigInt(u32(b, 8)), addr: BigInt(u32(b, 12)), offset: BigInt(u32(b, 16)), size: BigInt(u32(b, 20)), link: u32(b, 24), info: u32(b, 28) };
  const offset = r2.type === SHT_NOBITS ? 0 : safe(r2.offset, b.offset + (h.bits === 64 ? 24 : 16), "section offset");
  const size = safe(r2.size, b.offset + (h.bits === 64 ? 32 : 20), "section size");
  return { ...r2, offset, size };
}
async function readSectionHeaders(src, h) {
  const shoffAt = h.bits === 64 ? 40 : 32;
  if (h.shoff === 0) {
    if (h.shnum !== 0) throw new FormatError(shoffAt, `${h.shnum} section headers at offset 0`);
    return [];
  }
  const min = h.bits === 64 ? 64 : 40;
  if (h.shentsize < min) throw new FormatError(shoffAt + 18, `section header size ${h.shentsize} is below ${min}`);
  let shnum = h.shnum;
  let shstrndx = h.shstrndx;
  if (shnum === 0 || shstrndx === SHN_XINDEX) {
    const first = decodeSection(h, block(await src.read(h.shoff, min, "section header 0"), h.shoff, h.le));
    if (shnum === 0) {
      if (first.type !== SHT_NULL) throw new FormatError(h.shoff, "extended section count but section 0 is not SHT_NULL");
      if (first.size < SHN_LORESERVE) throw new FormatError(h.shoff, `extended section count ${first.size} is below 0xff00`);
      shnum = first.size;
    }
    if (shstrndx === SHN_XINDEX) shstrndx = first.link;
  }
  if (shstrndx >= shnum) throw new FormatError(shoffAt + 22, `section name table index ${shstrndx} is not below the section count ${shnum}`);
  if (shnum > (src.size - h.shoff) / h.shentsize) {
    throw new FormatError(h.shoff, `${shnum} section headers of ${h.shentsize} bytes do not fit in the file`);
  }
  const table2 = await src.read(h.shoff, shnum * h.shentsize, "section header table");
  const raw2 = [];
  for (let i = 0; i < shnum; i++) {
    const off = h.shoff + i * h.shentsize;
    raw2.push(decodeSection(h, block(table2.subarray(i * h.shentsize, (i + 1) * h.shentsize), off, h.le)));
  }
  const strtab = raw2[shstrndx];
  const strAt = h.shoff + shstrndx * h.shentsize;
  if (strtab.type !== SHT_STRTAB) throw new FormatError(strAt, `section name table has type ${strtab.type}, not SHT_STRTAB`);
  const names = await src.read(strtab.offset, strtab.size, "section name table");
  return raw2.map((s, i) => {
    const { nameIndex, ...rest } = s;
    return { name: cstring(names, nameIndex, h.shoff + i * h.shentsize, `name of section ${i}`), ...rest };
  });
}
function mapAddress(progs, addr) {
  for (const p of progs) {
    if (p.type !== PT_LOAD || addr < p.vaddr || addr >= p.vaddr + BigInt(p.filesz)) continue;
    const delta = Number(addr - p.vaddr);
    return { offset: p.offset + delta, left: p.filesz - delta };
  }
  return void 0;
}
async function readStringTable(src, s, what) {
  if (s.type === SHT_NOBITS) throw new FormatError(s.offset, `${what} is SHT_NOBITS and has no data`);
  return src.read(s.offset, s.size, what);
}
async function readDynamic(src, h, progs, sections) {
  const entsize = h.bits === 64 ? 16 : 8;
  let table2;
  let strtab = null;
  let strtabOffset = 0;
  const sec = sections.find((s) => s.type === SHT_DYNAMIC);
  const seg = progs.find((p) => p.type === PT_DYNAMIC);
  if (sec) {
    table2 = sec;
    if (sec.link === 0 || sec.link >= sections.length) {
      throw new FormatError(sec.offset, `dynamic section links string table ${sec.link} of ${sections.length}`);
    }
    const s = sections[sec.link];
    strtab = await readStringTable(src, s, "dynamic string table");
    strtabOffset = s.offset;
  } else if (seg) {
    table2 = { offset: seg.offset, size: seg.filesz };
  } else {
    return null;
  }
  if (table2.size % entsize !== 0) throw new FormatError(table2.offset, `dynamic table size ${table2.size} is not a multiple of ${entsize}`);
  const b = block(await src.read(table2.offset, table2.size, "dynamic table"), table2.offset, h.le);
  const entries = [];
  for (let at = 0; at < table2.size; at += entsize) {
    const tag = word(b, at, h.bits);
    if (tag === DT_NULL) break;
    entries.push([tag, word(b, at + entsize / 2, h.bits)]);
  }
  if (!strtab && entries.some(([t]) => t === DT_NEEDED || t === DT_RPATH || t === DT_RUNPATH || t === DT_VERNEED)) {
    const addr = entries.find(([t]) => t === DT_STRTAB)?.[1];
    const size = entries.find(([t]) => t === DT_STRSZ)?.[1];
    const where4 = addr === void 0 ? void 0 : mapAddress(progs, addr);
    if (!where4 || size === void 0) throw new FormatError(table2.offset, "dynamic table names libraries but its DT_STRTAB is missing or unmapped");
    const len = Math.min(where4.left, safe(size, table2.offset, "DT_STRSZ"));
    strtab = await src.read(where4.offset, len, "dynamic string table");
    strtabOffset = where4.offset;
  }
  const str3 = (v, what) => cstring(strtab, safe(v, table2.offset, what), strtabOffset, what);
  const vnAddr = entries.find(([t]) => t === DT_VERNEED)?.[1];
  const vnNum = entries.find(([t]) => t === DT_VERNEEDNUM)?.[1];
  const info = {
    needed: [],
    rpath: [],
    runpath: [],
    bindNow: false,
    pieFlag: false,
    verneed: vnAddr === void 0 ? null : { addr: vnAddr, count: vnNum === void 0 ? 0 : safe(vnNum, table2.offset, "DT_VERNEEDNUM") },
    strtab: strtab ? { bytes: strtab, offset: strtabOffset } : null
  };
  for (const [tag, value] of entries) {
    if (tag === DT_NEEDED) info.needed.push(str3(value, "DT_NEEDED"));
    else if (tag === DT_RPATH) info.rpath.push(str3(value, "DT_RPATH"));
    else if (tag === DT_RUNPATH) info.runpath.push(str3(value, "DT_RUNPATH"));
    else if (tag === DT_BIND_NOW) info.bindNow = true;
    else if (tag === DT_FLAGS && (value & DF_BIND_NOW) !== 0n) info.bindNow = true;
    else if (tag === DT_FLAGS_1) {
      if ((value & DF_1_NOW) !== 0n) info.bindNow = true;
      if ((value & DF_1_PIE) !== 0n) info.pieFlag = true;
    }
  }
  return info;
}
var VERNEED_SIZE = 16;
var VERNAUX_SIZE = 16;
var VERNEED_WINDOW = 1 << 20;
async function readVersionNeeds(src, h, progs, sections, dyn) {
  let table2;
  let count;
  let strtab;
  const sec = sections.find((s) => s.type === SHT_GNU_VERNEED);
  if (sec) {
    if (sec.link === 0 || sec.link >= sections.length) throw new FormatError(sec.offset, `version needs section links string table ${sec.link} of ${sections.length}`);
    const s = sections[sec.link];
    strtab = { bytes: await readStringTable(src, s, "version needs string table"), offset: s.offset };
    table2 = block(await src.read(sec.offset, Math.min(sec.size, VERNEED_WINDOW), "version needs section"), sec.offset, h.le);
    count = sec.info;
  } else if (dyn?.verneed && dyn.strtab) {
    const where4 = mapAddress(progs, dyn.verneed.addr);
    if (!where4) throw new FormatError(0, `DT_VERNEED address 0x${dyn.verneed.addr.toString(16)} is not in any PT_LOAD segment`);
    strtab = dyn.strtab;
    table2 = block(await src.read(where4.offset, Math.min(where4.left, VERNEED_WINDOW), "version needs"), where4.offset, h.le);
    count = dyn.verneed.count;
  } else {
    return [];
  }
  if (count > table2.bytes.length / VERNEED_SIZE) {
    throw new FormatError(table2.offset, `${count} version need entries of ${VERNEED_SIZE} bytes do not fit in the ${table2.bytes.length}-byte table`);
  }
  const visited = /* @__PURE__ */ new Set();
  const visit = (at2, size, what) => {
    if (at2 + size > table2.bytes.length) throw new FormatError(table2.offset + at2, `${what} runs past the end of the ${table2.bytes.length}-byte version needs table`);
    if (visited.has(at2)) throw new FormatError(table2.offset + at2, `${what} is reached twice: the version needs chain loops`);
    visited.add(at2);
  };
  const name = (v, at2, what) => cstring(strtab.bytes, v, table2.offset + at2, what);
  const out = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    visit(at, VERNEED_SIZE, `version need entry ${i}`);
    const version = u16(table2, at);
    if (version !== 1) throw new FormatError(table2.offset + at, `version need entry ${i} has vn_version ${version}, not 1`);
    const cnt = u16(table2, at + 2);
    const file = name(u32(table2, at + 4), at + 4, `file name of version need entry ${i}`);
    const versions = [];
    let aux = at + u32(table2, at + 8);
    for (let j = 0; j < cnt; j++) {
      visit(aux, VERNAUX_SIZE, `version ${j} of ${file}`);
      versions.push(name(u32(table2, aux + 8), aux + 8, `name of version ${j} of ${file}`));
      const next2 = u32(table2, aux + 12);
      if (next2 === 0) {
        if (j !== cnt - 1) throw new FormatError(table2.offset + aux + 12, `${file} declares ${cnt} versions but its chain ends after ${j + 1}`);
        break;
      }
      aux += next2;
    }
    out.push({ file, versions });
    const next = u32(table2, at + 12);
    if (next === 0) {
      if (i !== count - 1) throw new FormatError(table2.offset + at + 12, `${count} version need entries declared but the chain ends after ${i + 1}`);
      break;
    }
    at += next;
  }
  return out;
}
async function readInterpreter(src, progs) {
  const p = progs.find((x) => x.type === PT_INTERP);
  if (!p) return null;
  const bytes = await src.read(p.offset, p.filesz, "program interpreter");
  const end = bytes.indexOf(0);
  return new TextDecoder("latin1").decode(end < 0 ? bytes : bytes.subarray(0, end));
}
async function readElfNotes(src, h, progs, sections) {
  const ranges = progs.filter((p) => p.type === PT_NOTE).map((p) => ({ offset: p.offset, size: p.filesz, align: p.align === 8n ? 8 : 4 }));
  for (const s of sections) {
    if (s.type === SHT_NOTE && !ranges.some((r2) => r2.offset <= s.offset && s.offset < r2.offset + r2.size)) ranges.push({ offset: s.offset, size: s.size, align: 4 });
  }
  return readNotes(src, ranges, h.le);
}
function fileType(type, pie) {
  if (type === ET_EXEC) return "executable";
  if (type === ET_DYN) return pie ? "executable" : "shared-library";
  if (type === ET_REL) return "object";
  if (type === ET_CORE) return "core";
  return "other";
}
async function readElf(src) {
  const h = await readElfHeader(src);
  const progs = await readProgramHeaders(src, h);
  const sections = await readSectionHeaders(src, h);
  const dyn = await readDynamic(src, h, progs, sections);
  const versionNeeds = await readVersionNeeds(src, h, progs, sections, dyn);
  const interpreter = await readInterpreter(src, progs);
  const notes2 = await readElfNotes(src, h, progs, sections);
  const needed = dyn?.needed ?? [];
  const pie = h.type === ET_DYN && (dyn?.pieFlag === true || interpreter !== null);
  const stack = progs.find((p) => p.type === PT_GNU_STACK);
  const relro = progs.length === 0 ? "n/a" : !progs.some((p) => p.type === PT_GNU_RELRO) ? "none" : dyn?.bindNow ? "full" : "partial";
  const mappings = progs.filter((p) => p.type === PT_LOAD).map((p) => ({ addr: p.vaddr, offset: p.offset, size: p.filesz }));
  const buildinfo = sections.find((s) => s.name === ".go.buildinfo");
  const data = progs.find((p) => p.type === PT_LOAD && (p.flags & (PF_X | PF_W)) === PF_W);
  const pcln = sections.find((s) => s.name === ".gopclntab" && s.type !== SHT_NOBITS);
  return {
    format: "elf",
    arch: archName(MACHINES[h.machine]?.(h.bits, h.le), h.machine),
    bits: h.bits,
    endian: h.le ? "little" : "big",
    type: fileType(h.type, pie),
    static: interpreter === null && needed.length === 0,
    interpreter,
    needed,
    versionNeeds,
    rpath: dyn?.rpath ?? [],
    runpath: dyn?.runpath ?? [],
    stripped: !sections.some((s) => s.type === SHT_SYMTAB || s.name.startsWith(".debug_") || s.name.startsWith(".zdebug_")),
    pie,
    relro,
    nx: stack !== void 0 && (stack.flags & PF_X) === 0,
    goBuildId: notes2.goBuildId,
    gnuBuildId: notes2.gnuBuildId,
    mappings,
    dataStart: buildinfo ? { addr: buildinfo.addr, size: BigInt(buildinfo.size) } : data ? { addr: data.vaddr, size: data.memsz } : null,
    pclntab: pcln ? { offset: pcln.offset, size: pcln.size } : null,
    pclntabSearch: []
  };
}

// src/inspect/pe.ts
var MACHINES2 = { 332: "386", 34404: "amd64", 448: "arm", 452: "arm", 43620: "arm64" };
var IMAGE_FILE_DLL = 8192;
var DYNAMIC_BASE = 64;
var NX_COMPAT = 256;
var DATA = 3221225536;
var ALIGN_MASK = 6291456;
var MAX_IMPORTS = 4096;
async function sectionNames(src, coff, raw2, coffAt) {
  const symtab = u32(coff, 8);
  const nsyms = u32(coff, 12);
  let strings = null;
  let stringsAt = 0;
  const names = [];
  for (let i = 0; i < raw2.length; i++) {
    const short = fixedName(raw2[i]);
    const m = /^\/(\d+)$/.exec(short);
    if (!m) {
      names.push(short);
      continue;
    }
    if (!strings) {
      stringsAt = symtab + 18 * nsyms;
      if (symtab === 0) throw new FormatError(coffAt + 8, `section ${i} has long name ${short} but there is no COFF symbol table`);
      const len = u32(block(await src.read(stringsAt, 4, "COFF string table size"), stringsAt, true), 0);
      if (len < 4) throw new FormatError(stringsAt, `COFF string table length ${len} is below 4`);
      strings = await src.read(stringsAt, len, "COFF string table");
    }
    names.push(cstring(strings, Number(m[1]), stringsAt, `name of section ${i}`));
  }
  return names;
}
function rvaToOffset(sections, rva) {
  for (const s of sections) {
    const size = Math.min(s.sizeOfRawData, s.virtualSize || s.sizeOfRawData);
    if (rva >= s.virtualAddress && rva < s.virtualAddress + size) {
      return { offset: s.pointerToRawData + (rva - s.virtualAddress), left: s.virtualAddress + size - rva };
    }
  }
  return void 0;
}
async function readImports(src, sections, rva, size, dirAt) {
  if (rva === 0 || size === 0) return [];
  const where4 = rvaToOffset(sections, rva);
  if (!where4) throw new FormatError(dirAt, `import directory RVA 0x${rva.toString(16)} is not inside any section`);
  const table2 = block(await src.read(where4.offset, where4.left, "import directory"), where4.offset, true);
  const names = [];
  for (let at = 0; at + 20 <= where4.left && names.length < MAX_IMPORTS; at += 20) {
    const originalFirstThunk = u32(table2, at);
    const nameRva = u32(table2, at + 12);
    if (originalFirstThunk === 0 && nameRva === 0) break;
    const name = rvaToOffset(sections, nameRva);
    if (!name) throw new FormatError(where4.offset + at + 12, `import name RVA 0x${nameRva.toString(16)} is not inside any section`);
    const bytes = await src.read(name.offset, Math.min(name.left, 512), "import name");
    names.push(cstring(bytes, 0, name.offset, "import name"));
  }
  return names;
}
async function readPe(src) {
  const dos = block(await src.read(0, 64, "DOS header"), 0, true);
  const peAt = u32(dos, 60);
  const sig = await src.read(peAt, 4, "PE signature");
  if (sig[0] !== 80 || sig[1] !== 69 || sig[2] !== 0 || sig[3] !== 0) throw new FormatError(peAt, "missing PE\\0\\0 signature");
  const coffAt = peAt + 4;
  const coff = block(await src.read(coffAt, 20, "COFF header"), coffAt, true);
  const machine = u16(coff, 0);
  const nsections = u16(coff, 2);
  const optSize = u16(coff, 16);
  const characteristics = u16(coff, 18);
  const optAt = coffAt + 20;
  if (optSize < 96) throw new FormatError(coffAt + 16, `optional header size ${optSize} is too small for an image`);
  const opt = block(await src.read(optAt, optSize, "optional header"), optAt, true);
  const magic = u16(opt, 0);
  if (magic !== 267 && magic !== 523) throw new FormatError(optAt, `optional header magic 0x${magic.toString(16)} is neither PE32 nor PE32+`);
  const pe64 = magic === 523;
  const imageBase = pe64 ? u64(opt, 24) : BigInt(u32(opt, 28));
  const dllCharacteristics = u16(opt, 70);
  const dirCount = u32(opt, pe64 ? 108 : 92);
  const dirAt = pe64 ? 112 : 96;
  const importDir = dirCount > 1 && dirAt + 16 <= optSize ? { rva: u32(opt, dirAt + 8), size: u32(opt, dirAt + 12) } : { rva: 0, size: 0 };
  const secAt = optAt + optSize;
  const table2 = await src.read(secAt, nsections * 40, "section table");
  const rawNames = [];
  const sections = [];
  for (let i = 0; i < nsections; i++) {
    const b = block(table2.subarray(i * 40, i * 40 + 40), secAt + i * 40, true);
    rawNames.push(b.bytes.subarray(0, 8));
    sections.push({
      name: "",
      virtualSize: u32(b, 8),
      virtualAddress: u32(b, 12),
      sizeOfRawData: u32(b, 16),
      pointerToRawData: u32(b, 20),
      characteristics: u32(b, 36)
    });
  }
  const names = await sectionNames(src, coff, rawNames, coffAt);
  sections.forEach((s, i) => s.name = names[i]);
  const needed = await readImports(src, sections, importDir.rva, importDir.size, optAt + dirAt + 8);
  const mappings = sections.filter((s) => s.sizeOfRawData > 0).map((s) => ({ addr: imageBase + BigInt(s.virtualAddress), offset: s.pointerToRawData, size: s.sizeOfRawData, name: s.name }));
  const data = sections.find((s) => s.virtualAddress !== 0 && s.sizeOfRawData !== 0 && (s.characteristics & ~ALIGN_MASK) >>> 0 === DATA);
  const rdata = sections.filter((s) => s.name === ".rdata" && s.sizeOfRawData > 0);
  const text = sections.find((s) => s.name === ".text" && s.sizeOfRawData > 0);
  return {
    format: "pe",
    arch: archName(MACHINES2[machine], machine),
    bits: pe64 ? 64 : 32,
    endian: "little",
    type: characteristics & IMAGE_FILE_DLL ? "shared-library" : "executable",
    static: null,
    interpreter: null,
    needed,
    versionNeeds: [],
    rpath: [],
    runpath: [],
    stripped: u32(coff, 12) === 0 && !sections.some((s) => s.name.startsWith(".debug_") || s.name.startsWith(".zdebug_")),
    pie: (dllCharacteristics & DYNAMIC_BASE) !== 0,
    relro: "n/a",
    nx: (dllCharacteristics & NX_COMPAT) !== 0,
    goBuildId: await goBuildIdFromText(src),
    gnuBuildId: null,
    mappings,
    dataStart: data ? { addr: imageBase + BigInt(data.virtualAddress), size: BigInt(data.virtualSize) } : null,
    pclntab: null,
    pclntabSearch: rdata.map((s) => ({ offset: s.pointerToRawData, size: s.sizeOfRawData })),
    ...data && text ? { moduledataHint: { data: { offset: data.pointerToRawData, size: data.sizeOfRawData }, textAddr: imageBase + BigInt(text.virtualAddress), ptrSize: pe64 ? 8 : 4 } } : {}
  };
}

// src/inspect/macho.ts
var LC_SEGMENT = 1;
var LC_SEGMENT_64 = 25;
var LC_LOAD_DYLIB = 12;
var LC_LOAD_DYLINKER = 14;
var LC_LOAD_WEAK_DYLIB = 2147483672;
var LC_REEXPORT_DYLIB = 2147483679;
var LC_LAZY_LOAD_DYLIB = 32;
var LC_LOAD_UPWARD_DYLIB = 2147483683;
var LC_RPATH = 2147483676;
var MH_PIE = 2097152;
var MH_ALLOW_STACK_EXECUTION = 131072;
var CPU_ARCH_ABI64 = 16777216;
var CPUS = { 7: "386", 16777223: "amd64", 12: "arm", 16777228: "arm64", 18: "ppc", 16777234: "ppc64" };
var FILE_TYPES = { 1: "object", 2: "executable", 4: "core", 6: "shared-library", 8: "shared-library" };
var MAX_FAT_ARCHES = 32;
function isThinMacho(head2) {
  const be = head2[0] === 254 && head2[1] === 237 && head2[2] === 250 && (head2[3] === 206 || head2[3] === 207);
  const le = (head2[0] === 206 || head2[0] === 207) && head2[1] === 250 && head2[2] === 237 && head2[3] === 254;
  return be || le;
}
function isFatMacho(head2) {
  return head2[0] === 202 && head2[1] === 254 && head2[2] === 186 && (head2[3] === 190 || head2[3] === 191);
}
async function readMacho(src) {
  const magic = await src.read(0, 4, "Mach-O magic");
  const le = magic[0] !== 254;
  const bits = magic[le ? 0 : 3] === 207 ? 64 : 32;
  const hsize = bits === 64 ? 32 : 28;
  const h = block(await src.read(0, hsize, "Mach-O header"), 0, le);
  const cpu = u32(h, 4);
  const filetype = u32(h, 12);
  const ncmds = u32(h, 16);
  const sizeofcmds = u32(h, 20);
  const flags = u32(h, 24);
  if (sizeofcmds > src.size - hsize) throw new FormatError(20, `load commands of ${sizeofcmds} bytes do not fit in the file`);
  const cmds = block(await src.read(hsize, sizeofcmds, "load commands"), hsize, le);
  const segments = [];
  const sections = [];
  const needed = [];
  const rpath = [];
  let interpreter = null;
  let at = 0;
  for (let i = 0; i < ncmds; i++) {
    if (at + 8 > sizeofcmds) throw new FormatError(hsize + at, `load command ${i} of ${ncmds} starts past sizeofcmds ${sizeofcmds}`);
    const cmd = u32(cmds, at);
    const size = u32(cmds, at + 4);
    if (size < 8 || size > sizeofcmds - at) throw new FormatError(hsize + at + 4, `load command ${i} has size ${size} (${sizeofcmds - at} bytes remain)`);
    const c = block(cmds.bytes.subarray(at, at + size), hsize + at, le);
    const lcString = (what) => cstring(c.bytes, u32(c, 8, what), c.offset, what);
    if (cmd === LC_SEGMENT || cmd === LC_SEGMENT_64) {
      const w = cmd === LC_SEGMENT_64 ? 64 : 32;
      const k = w === 64 ? 8 : 4;
      const seg = {
        name: fixedName(c.bytes.subarray(8, 24)),
        addr: word(c, 24, w, "segment"),
        memsz: word(c, 24 + k, w, "segment"),
        offset: safe(word(c, 24 + 2 * k, w, "segment"), c.offset, "segment file offset"),
        filesz: safe(word(c, 24 + 3 * k, w, "segment"), c.offset, "segment file size"),
        maxprot: u32(c, 24 + 4 * k, "segment"),
        prot: u32(c, 28 + 4 * k, "segment")
      };
      segments.push(seg);
      const nsects = u32(c, 32 + 4 * k, "segment");
      const first = w === 64 ? 72 : 56;
      const sectSize = w === 64 ? 80 : 68;
      if (nsects > (size - first) / sectSize) throw new FormatError(c.offset, `segment ${seg.name} claims ${nsects} sections that do not fit its command`);
      for (let s = 0; s < nsects; s++) {
        const so = first + s * sectSize;
        sections.push({
          name: fixedName(c.bytes.subarray(so, so + 16)),
          segment: fixedName(c.bytes.subarray(so + 16, so + 32)),
          addr: word(c, so + 32, w, "section"),
          size: word(c, so + 32 + k, w, "section"),
          offset: u32(c, so + 32 + 2 * k, "section")
        });
      }
    } else if (cmd === LC_LOAD_DYLIB || cmd === LC_LOAD_WEAK_DYLIB || cmd === LC_REEXPORT_DYLIB || cmd === LC_LAZY_LOAD_DYLIB || cmd === LC_LOAD_UPWARD_DYLIB) {
      needed.push(lcString("dylib name"));
    } else if (cmd === LC_RPATH) {
      rpath.push(lcString("rpath"));
    } else if (cmd === LC_LOAD_DYLINKER) {
      interpreter = lcString("dylinker name");
    }
    at += size;
  }
  const mappings = segments.filter((s) => s.filesz > 0 && s.name !== "__PAGEZERO").map((s) => ({ addr: s.addr, offset: s.offset, size: s.filesz, name: s.name }));
  const buildinfo = sections.find((s) => s.name === "__go_buildinfo");
  const data = segments.find((s) => s.addr !== 0n && s.filesz !== 0 && s.prot === 3 && s.maxprot === 3);
  const pcln = sections.find((s) => s.name === "__gopclntab");
  const pie = (flags & MH_PIE) !== 0;
  return {
    format: "macho",
    arch: archName(CPUS[cpu], cpu),
    bits: (cpu & CPU_ARCH_ABI64) !== 0 ? 64 : bits,
    endian: le ? "little" : "big",
    type: FILE_TYPES[filetype] ?? "other",
    static: null,
    interpreter,
    needed,
    versionNeeds: [],
    rpath,
    runpath: [],
    stripped: !segments.some((s) => s.name === "__DWARF") && !sections.some((s) => s.name.startsWith("__debug_") || s.name.startsWith("__zdebug_")),
    pie,
    relro: "n/a",
    nx: (flags & MH_ALLOW_STACK_EXECUTION) === 0,
    goBuildId: await goBuildIdFromText(src),
    gnuBuildId: null,
    mappings,
    dataStart: buildinfo ? { addr: buildinfo.addr, size: buildinfo.size } : data ? { addr: data.addr, size: data.memsz } : null,
    pclntab: pcln ? { offset: pcln.offset, size: safe(pcln.size, 0, "__gopclntab size") } : null,
    pclntabSearch: []
  };
}
async function readFatArches(src) {
  const h = block(await src.read(0, 8, "fat header"), 0, false);
  const fat64 = h.bytes[3] === 191;
  const narch = u32(h, 4);
  if (narch === 0) throw new FormatError(4, "fat file has no architectures");
  if (narch > MAX_FAT_ARCHES) throw unrecognized(`CAFEBABE magic with ${narch} architectures (a Java class file?)`);
  const entry = fat64 ? 32 : 20;
  const table2 = block(await src.read(8, narch * entry, "fat arch table"), 8, false);
  const arches = [];
  for (let i = 0; i < narch; i++) {
    const at = i * entry;
    const cpu = u32(table2, at);
    const offset = safe(fat64 ? u64(table2, at + 8) : BigInt(u32(table2, at + 8)), 8 + at + 8, "fat slice offset");
    const size = safe(fat64 ? u64(table2, at + 16) : BigInt(u32(table2, at + 12)), 8 + at + 12, "fat slice size");
    if (offset > src.size || size > src.size - offset) throw new FormatError(8 + at, `fat slice ${i} (${offset}+${size}) runs past the end of the ${src.size}-byte file`);
    const arch = archName(CPUS[cpu], cpu);
    if (arches.some((a) => a.arch === arch)) throw new FormatError(8 + at, `fat file lists ${arch} twice`);
    arches.push({ arch, offset, size });
  }
  return arches;
}

// src/inspect/goquote.ts
var PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
var NEWER_THAN_GO = parseRanges(
  "88f 897 c5c cdc 1acf-1add 1ae0-1aeb 1b4e-1b4f 1b7f 1c89-1c8a 20c1 2427-2429 2b96 2ffc-2fff 31e4-31e5 31ef a7cb-a7cf a7d2 a7d4 a7da-a7dc a7f1 fbc3-fbd2 fd90-fd91 fdc8-fdce 105c0-105f3 10940-10959 10d40-10d65 10d69-10d85 10d8e-10d8f 10ec2-10ec7 10ed0-10ed8 10efa-10efc 11380-11389 1138b 1138e 11390-113b5 113b7-113c0 113c2 113c5 113c7-113ca 113cc-113d5 113d7-113d8 113e1-113e2 116d0-116e3 11b60-11b67 11bc0-11be1 11bf0-11bf9 11db0-11ddb 11de0-11de9 11f5a 13460-143fa 16100-16139 16d40-16d79 16ea0-16eb8 16ebb-16ed3 16ff2-16ff6 187f8-187ff 18cff 18d09-18d1e 18d80-18df2 1cc00-1ccfc 1cd00-1ceb3 1ceba-1ced0 1cee0-1cef0 1e5d0-1e5fa 1e5ff 1e6c0-1e6de 1e6e0-1e6f5 1e6fe-1e6ff 1f6d8 1f777-1f77a 1f8b2-1f8bb 1f8c0-1f8c1 1f8d0-1f8d8 1fa54-1fa57 1fa89-1fa8a 1fa8e-1fa8f 1fabe 1fac6 1fac8 1facd 1fadc 1fadf 1fae9-1faea 1faef 1fbcb-1fbef 1fbfa 2b73a-2b73f 2cea2-2cead 2ebf0-2ee5d 323b0-33479"
);
function parseRanges(text) {
  return text.trim().split(/\s+/).map((t) => {
    const [a, b = a] = t.split("-");
    return [parseInt(a, 16), parseInt(b, 16)];
  });
}
function goPrintable(r2) {
  if (r2 === 32) return true;
  if (!PRINTABLE.test(String.fromCodePoint(r2))) return false;
  let lo = 0;
  let hi = NEWER_THAN_GO.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const [a, b] = NEWER_THAN_GO[mid];
    if (r2 < a) hi = mid - 1;
    else if (r2 > b) lo = mid + 1;
    else return false;
  }
  return true;
}
var SIMPLE = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\\": "\\" };
var ESCAPES = { 7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v" };
var utf82 = new TextDecoder("utf-8");
function bytesToByteString(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
function toUnicode(bs) {
  return utf82.decode(Buffer.from(bs, "latin1"));
}
function fromUnicode(s) {
  return bytesToByteString(new TextEncoder().encode(s));
}
function decodeRune(bs, i) {
  const c = bs.charCodeAt(i);
  if (c < 128) return { r: c, n: 1 };
  const n = c >= 240 && c <= 244 ? 4 : c >= 224 ? 3 : c >= 194 && c < 224 ? 2 : 0;
  if (n === 0 || n === 3 && c >= 240 || i + n > bs.length) return null;
  let r2 = c & 255 >> n + 1;
  for (let k = 1; k < n; k++) {
    const d = bs.charCodeAt(i + k);
    if ((d & 192) !== 128) return null;
    r2 = r2 * 64 + (d & 63);
  }
  const min = [0, 0, 128, 2048, 65536][n];
  if (r2 < min || r2 > 1114111 || r2 >= 55296 && r2 <= 57343) return null;
  return { r: r2, n };
}
function hex2(n, width) {
  return n.toString(16).padStart(width, "0");
}
function goQuote(bs) {
  let out = '"';
  for (let i = 0; i < bs.length; ) {
    const d = decodeRune(bs, i);
    if (!d) {
      out += `\\x${hex2(bs.charCodeAt(i), 2)}`;
      i++;
      continue;
    }
    const { r: r2, n } = d;
    const raw2 = bs.slice(i, i + n);
    i += n;
    if (r2 === 34 || r2 === 92) out += "\\" + raw2;
    else if (goPrintable(r2)) out += raw2;
    else if (ESCAPES[r2]) out += ESCAPES[r2];
    else if (r2 < 32 || r2 === 127) out += `\\x${hex2(r2, 2)}`;
    else if (r2 < 65536) out += `\\u${hex2(r2, 4)}`;
    else out += `\\U${hex2(r2, 8)}`;
  }
  return out + '"';
}
function encodeRune(r2) {
  return fromUnicode(String.fromCodePoint(r2));
}
function goUnquotePrefix(bs) {
  const quote2 = bs[0];
  if (quote2 === "`") {
    const end = bs.indexOf("`", 1);
    if (end < 0) return null;
    return { value: bs.slice(1, end).replaceAll("\r", ""), length: end + 1 };
  }
  if (quote2 !== '"') return null;
  let out = "";
  let i = 1;
  while (i < bs.length && bs[i] !== '"') {
    const c = bs[i];
    if (c === "\n") return null;
    if (c !== "\\") {
      if (c.charCodeAt(0) < 128) {
        out += c;
        i++;
        continue;
      }
      const d = decodeRune(bs, i);
      out += d ? bs.slice(i, i + d.n) : encodeRune(65533);
      i += d ? d.n : 1;
      continue;
    }
    const e = bs[i + 1];
    if (e === void 0) return null;
    i += 2;
    if (e in SIMPLE) out += SIMPLE[e];
    else if (e === '"') out += '"';
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const digits = bs.slice(i, i + n);
      if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) return null;
      const v = parseInt(digits, 16);
      i += n;
      if (e === "x") out += String.fromCharCode(v);
      else if (v > 1114111 || v >= 55296 && v <= 57343) return null;
      else out += encodeRune(v);
    } else if (e >= "0" && e <= "7") {
      const digits = bs.slice(i, i + 2);
      if (digits.length < 2 || !/^[0-7]{2}$/.test(digits)) return null;
      const v = parseInt(e + digits, 8);
      if (v > 255) return null;
      out += String.fromCharCode(v);
      i += 2;
    } else return null;
  }
  if (bs[i] !== '"') return null;
  return { value: out, length: i + 1 };
}

// src/inspect/buildinfo.ts
var MAGIC = "\xFF Go buildinf:";
var ALIGN = 16n;
var HEADER = 32;
var CHUNK = 1 << 20;
var MAX_VARINT = 10;
async function readAt(src, mappings, addr, n) {
  const at = mappedAt(mappings, addr);
  return at && { bytes: await src.read(at.offset, Math.min(n, at.left), "build info data"), offset: at.offset };
}
async function searchMagic(src, mappings, start, size) {
  const end = start + size;
  let at = (start + ALIGN - 1n) / ALIGN * ALIGN;
  while (at < end) {
    const want = end - at < BigInt(CHUNK) ? Number(end - at) : CHUNK;
    const chunk = await readAt(src, mappings, at, want);
    if (!chunk || chunk.bytes.length === 0) return null;
    const b = chunk.bytes;
    for (let i = 0; i + MAGIC.length <= b.length; i += 16) {
      if (b[i] !== 255 || b[i + 1] !== 32) continue;
      let k = 2;
      while (k < MAGIC.length && b[i + k] === MAGIC.charCodeAt(k)) k++;
      if (k === MAGIC.length) return end - (at + BigInt(i)) < BigInt(HEADER) ? null : at + BigInt(i);
    }
    if (b.length < want) return null;
    at += BigInt(b.length);
  }
  return null;
}
function uvarint(b) {
  let value = 0n;
  for (let i = 0; i < Math.min(b.length, MAX_VARINT); i++) {
    const c = b[i];
    if (i === MAX_VARINT - 1 && c > 1) return null;
    value += BigInt(c & 127) << BigInt(7 * i);
    if (c < 128) return { value, n: i + 1 };
  }
  return null;
}
async function inlineString(src, mappings, addr, what) {
  const head2 = await readAt(src, mappings, addr, MAX_VARINT);
  if (!head2) throw new FormatError(0, `build info ${what} at address 0x${addr.toString(16)} is not in the file`);
  const v = uvarint(head2.bytes);
  if (!v) throw new FormatError(head2.offset, `build info ${what} has a malformed length varint`);
  const dataAddr = addr + BigInt(v.n);
  const left = remaining(mappings, dataAddr);
  if (v.value > BigInt(left)) {
    throw new FormatError(head2.offset, `build info ${what} claims ${v.value} bytes but only ${left} remain in its segment`);
  }
  const body = await readAt(src, mappings, dataAddr, Number(v.value));
  return { text: bytesToByteString(body?.bytes ?? new Uint8Array(0)), next: dataAddr + v.value };
}
function remaining(mappings, addr) {
  return mappedAt(mappings, addr)?.left ?? 0;
}
function readPtr(b, at, size, le) {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return size === 8 ? v.getBigUint64(at, le) : BigInt(v.getUint32(at, le));
}
async function pointedString(src, mappings, addr, size, le) {
  const hdr = await readAt(src, mappings, addr, 2 * size);
  if (!hdr || hdr.bytes.length < 2 * size) return "";
  const dataAddr = readPtr(hdr.bytes, 0, size, le);
  const len = readPtr(hdr.bytes, size, size, le);
  if (len > BigInt(remaining(mappings, dataAddr))) return "";
  const data = await readAt(src, mappings, dataAddr, Number(len));
  return data ? bytesToByteString(data.bytes) : "";
}
async function readRawBuildInfo(src, image) {
  if (!image.dataStart || image.dataStart.size === 0n) return null;
  const { mappings } = image;
  const addr = await searchMagic(src, mappings, image.dataStart.addr, image.dataStart.size);
  if (addr === null) return null;
  const header = await readAt(src, mappings, addr, HEADER);
  if (!header || header.bytes.length < HEADER) throw new FormatError(header?.offset ?? 0, "build info header is cut short");
  const ptrSize = header.bytes[14];
  const flags = header.bytes[15];
  let version;
  let modinfo;
  if ((flags & 2) !== 0) {
    const v = await inlineString(src, mappings, addr + BigInt(HEADER), "Go version");
    version = v.text;
    modinfo = (await inlineString(src, mappings, v.next, "module info")).text;
  } else {
    if (ptrSize !== 4 && ptrSize !== 8) throw new FormatError(header.offset + 14, `build info pointer size ${ptrSize} is neither 4 nor 8`);
    const le = (flags & 1) === 0;
    version = await pointedString(src, mappings, readPtr(header.bytes, 16, ptrSize, le), ptrSize, le);
    modinfo = await pointedString(src, mappings, readPtr(header.bytes, 16 + ptrSize, ptrSize, le), ptrSize, le);
  }
  if (version === "") throw new FormatError(header.offset, "build info records no Go version");
  modinfo = modinfo.length >= 33 && modinfo[modinfo.length - 17] === "\n" ? modinfo.slice(16, -16) : "";
  return { version, modinfo, offset: header.offset };
}
var BuildInfoSyntaxError = class extends Error {
  constructor(line, message) {
    super(`could not parse Go build info: line ${line}: ${message}`);
    this.name = "BuildInfoSyntaxError";
  }
};
function quoteKey(key) {
  return key.length === 0 || /[= \t\r\n"`]/.test(key);
}
function quoteValue(value) {
  return /[ \t\r\n"`]/.test(value);
}
function moduleLine(cols, line) {
  if (cols.length !== 2 && cols.length !== 3) throw new BuildInfoSyntaxError(line, `expected 2 or 3 columns; got ${cols.length}`);
  return { path: cols[0], version: cols[1], sum: cols[2] ?? "", replace: null };
}
function goByteQuote(c) {
  return `'${c === "'" ? "\\'" : c === "\\" ? "\\\\" : goQuote(c).slice(1, -1)}'`;
}
function setting(kv, line) {
  if (kv.length < 1) throw new BuildInfoSyntaxError(line, "build line missing '='");
  let key;
  let raw2;
  if (kv[0] === "=") throw new BuildInfoSyntaxError(line, "build line with missing key");
  if (kv[0] === "`" || kv[0] === '"') {
    const q = goUnquotePrefix(kv);
    if (!q) throw new BuildInfoSyntaxError(line, "invalid quoted key in build line");
    if (q.length === kv.length) throw new BuildInfoSyntaxError(line, "build line missing '=' after quoted key");
    if (kv[q.length] !== "=") throw new BuildInfoSyntaxError(line, `unexpected character after quoted key: ${goByteQuote(kv[q.length])}`);
    key = q.value;
    raw2 = kv.slice(q.length + 1);
  } else {
    const eq = kv.indexOf("=");
    if (eq < 0) throw new BuildInfoSyntaxError(line, "build line missing '=' after key");
    key = kv.slice(0, eq);
    raw2 = kv.slice(eq + 1);
    if (quoteKey(key)) throw new BuildInfoSyntaxError(line, `unquoted key ${goQuote(key)} must be quoted`);
  }
  let value = "";
  if (raw2.length > 0) {
    if (raw2[0] === "`" || raw2[0] === '"') {
      const q = goUnquotePrefix(raw2);
      if (!q || q.length !== raw2.length) throw new BuildInfoSyntaxError(line, "invalid quoted value in build line");
      value = q.value;
    } else {
      value = raw2;
      if (quoteValue(value)) throw new BuildInfoSyntaxError(line, `unquoted value ${goQuote(value)} must be quoted`);
    }
  }
  return { key, value };
}
function parseBuildInfo(goVersion, text) {
  const bi = { goVersion, path: "", main: null, deps: [], settings: [] };
  let main2 = { path: "", version: "", sum: "", replace: null };
  let last = null;
  let lineNum = 1;
  let rest = text;
  for (; ; ) {
    const nl = rest.indexOf("\n");
    if (nl < 0) break;
    const line = rest.slice(0, nl);
    rest = rest.slice(nl + 1);
    if (line.startsWith("path	")) bi.path = line.slice(5);
    else if (line.startsWith("mod	")) {
      main2 = moduleLine(line.slice(4).split("	"), lineNum);
      last = main2;
    } else if (line.startsWith("dep	")) {
      last = moduleLine(line.slice(4).split("	"), lineNum);
      bi.deps.push(last);
    } else if (line.startsWith("=>	")) {
      const cols = line.slice(3).split("	");
      if (cols.length !== 3) throw new BuildInfoSyntaxError(lineNum, `expected 3 columns for replacement; got ${cols.length}`);
      if (!last) throw new BuildInfoSyntaxError(lineNum, "replacement with no module on previous line");
      last.replace = { path: cols[0], version: cols[1], sum: cols[2], replace: null };
      last = null;
    } else if (line.startsWith("build	")) {
      bi.settings.push(setting(line.slice(6), lineNum));
    }
    lineNum++;
  }
  const zero = main2.path === "" && main2.version === "" && main2.sum === "" && main2.replace === null;
  bi.main = zero ? null : main2;
  return bi;
}
function buildInfoString(bi) {
  let s = bi.goVersion !== "" ? `go	${bi.goVersion}
` : "";
  if (bi.path !== "") s += `path	${bi.path}
`;
  const mod = (word2, m) => {
    s += `${word2}	${m.path}	${m.version}`;
    if (m.replace === null) s += `	${m.sum}`;
    else {
      s += "\n";
      mod("=>", m.replace);
    }
    s += "\n";
  };
  if (bi.main) mod("mod", bi.main);
  for (const d of bi.deps) mod("dep", d);
  for (const { key, value } of bi.settings) {
    s += `build	${quoteKey(key) ? goQuote(key) : key}=${quoteValue(value) ? goQuote(value) : value}
`;
  }
  return s;
}
function formatGoVersionM(file, bi) {
  let out = `${file}: ${bi.goVersion}
`;
  const mod = buildInfoString({ ...bi, goVersion: "" });
  if (mod.length > 0) out += `	${mod.slice(0, -1).replaceAll("\n", "\n	")}
`;
  return out;
}

// src/inspect/pclntab.ts
var MAGICS = [4294967281, 4294967280, 4294967290, 4294967291];
var CHUNK2 = 1 << 20;
var EXAMPLES = 5;
function isHeader(b, at, le) {
  if (at + 8 > b.length) return false;
  const magic = new DataView(b.buffer, b.byteOffset + at, 4).getUint32(0, le);
  return MAGICS.includes(magic) && b[at + 4] === 0 && b[at + 5] === 0 && [1, 2, 4].includes(b[at + 6]) && (b[at + 7] === 4 || b[at + 7] === 8);
}
async function tablesOf(src, table2, le) {
  const head2 = await src.read(table2.offset, Math.min(table2.size, 8 + 8 * 8), "pcln table header");
  if (!isHeader(head2, 0, le)) throw new FormatError(table2.offset, "pcln table has no valid Go header");
  const b = block(head2, table2.offset, le);
  const magic = b.view.getUint32(0, le);
  if (magic === 4294967291) return { funcnames: table2, files: table2 };
  const bits = head2[7] === 8 ? 64 : 32;
  const ptr = head2[7];
  const first = magic === 4294967290 ? 2 : 3;
  const off = (i) => safe(word(b, 8 + (first + i) * ptr, bits, "pcln table header"), table2.offset + 8, "pcln table offset");
  const [funcname, cu, filetab, pctab] = [off(0), off(1), off(2), off(3)];
  if (!(funcname <= cu && cu <= filetab && filetab <= pctab && pctab <= table2.size)) {
    throw new FormatError(table2.offset + 8, `pcln table offsets ${funcname}, ${cu}, ${filetab}, ${pctab} are out of order or past its ${table2.size} bytes`);
  }
  return {
    funcnames: { offset: table2.offset + funcname, size: cu - funcname },
    files: { offset: table2.offset + filetab, size: pctab - filetab }
  };
}
var MAX_MODULEDATA_SCAN = 16 << 20;
async function pclntabFromModuledata(src, image, le) {
  const hint = image.moduledataHint;
  if (!hint || hint.data.size > MAX_MODULEDATA_SCAN || hint.data.size < hint.ptrSize) return null;
  const p = hint.ptrSize;
  const bits = p === 8 ? 64 : 32;
  const data = Buffer.from(await src.read(hint.data.offset, hint.data.size, "data section"));
  const words = block(data, hint.data.offset, le);
  const needle = Buffer.alloc(p);
  if (p === 8) new DataView(needle.buffer).setBigUint64(0, hint.textAddr, le);
  else new DataView(needle.buffer).setUint32(0, Number(hint.textAddr & 0xffffffffn), le);
  const minpcAt = [p + 6 * 3 * p + p, 3 * 3 * p + p];
  for (let i = data.indexOf(needle); i >= 0; i = data.indexOf(needle, i + 1)) {
    if (i % p !== 0) continue;
    for (const at of minpcAt) {
      if (i < at) continue;
      const table2 = rangeAt(image.mappings, image.pclntabSearch, word(words, i - at, bits, "module data"));
      if (table2 && await isTable(src, table2, le)) return table2;
    }
  }
  return null;
}
async function isTable(src, candidate, le) {
  try {
    await tablesOf(src, candidate, le);
    return true;
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    return false;
  }
}
function rangeAt(mappings, ranges, addr) {
  const at = mappedAt(mappings, addr);
  const r2 = at && ranges.find((x) => x.offset <= at.offset && at.offset < x.offset + x.size);
  return at && r2 ? { offset: at.offset, size: r2.offset + r2.size - at.offset } : null;
}
var LE_NEEDLE = Buffer.from([255, 255, 255, 0, 0]);
var BE_NEEDLE = Buffer.from([255, 255, 255]);
async function searchPclntab(src, ranges, le) {
  const needle = le ? LE_NEEDLE : BE_NEEDLE;
  for (const r2 of ranges) {
    for (let start = 0; start < r2.size; start += CHUNK2) {
      const len = Math.min(CHUNK2 + 8, r2.size - start);
      const read2 = await src.read(r2.offset + start, len, "pcln table search");
      const b = Buffer.from(read2.buffer, read2.byteOffset, read2.byteLength);
      for (let i = b.indexOf(needle); i >= 0; i = b.indexOf(needle, i + 1)) {
        const at = le ? i - 1 : i;
        if (at >= CHUNK2) break;
        if (at < 0 || !isHeader(b, at, le)) continue;
        const candidate = { offset: r2.offset + start + at, size: r2.size - start - at };
        if (await isTable(src, candidate, le)) return candidate;
      }
    }
  }
  return null;
}
function contains(hay, name) {
  const needle = Buffer.from(`${name}\0`, "latin1");
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (i === 0 || hay[i - 1] === 0) return true;
  }
  return false;
}
var LEAK = /^(?:\/|[A-Za-z]:[\\/]).*\.go$/s;
async function readPclnFacts(src, table2, le) {
  const t = await tablesOf(src, table2, le);
  const names = await src.read(t.funcnames.offset, t.funcnames.size, "function name table");
  const hay = Buffer.from(names.buffer, names.byteOffset, names.byteLength);
  const files = t.files === t.funcnames ? hay : Buffer.from(await src.read(t.files.offset, t.files.size, "file name table"));
  const leaked = [];
  const seen = /* @__PURE__ */ new Set();
  for (let at = 0; at < files.length; ) {
    let end = files.indexOf(0, at);
    if (end < 0) end = files.length;
    if (end - at > 3 && files[end - 1] === 111 && files[end - 2] === 103 && files[end - 3] === 46) {
      const name = files.toString("utf8", at, end);
      if (LEAK.test(name) && !seen.has(name)) {
        seen.add(name);
        leaked.push(name);
      }
    }
    at = end + 1;
  }
  return {
    usesLoadLocation: contains(hay, "time.LoadLocation"),
    embedsTzdata: contains(hay, "time/tzdata.loadFromEmbeddedTZData"),
    // crypto/x509's system pool is built once by initSystemRoots (root.go: systemRootsPool ->
    // once.Do(initSystemRoots) -> loadSystemRoots), reached from Certificate.Verify when
    // VerifyOptions.Roots is nil (verify.go) and from SystemCertPool. initSystemRoots is passed
    // to once.Do as a value, so it is never inlined away; its name is in the table exactly when
    // the linker kept the code that reads the system roots.
    usesSystemRoots: contains(hay, "crypto/x509.initSystemRoots"),
    // SetFallbackRoots (root.go) installs roots used when the system has none; the linker keeps
    // it only when something calls it (golang.org/x/crypto/x509roots/fallback's init does).
    setsFallbackRoots: contains(hay, "crypto/x509.SetFallbackRoots"),
    leakedPaths: { count: leaked.length, examples: leaked.slice(0, EXAMPLES) }
  };
}

// src/inspect/source.ts
var import_node_fs6 = __gateBuiltin("node:fs");
var HEAD = 8192;
function checkRange(size, offset, length, what) {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new FormatError(0, `${what}: invalid offset ${offset}`);
  if (!Number.isSafeInteger(length) || length < 0) throw new FormatError(offset, `${what}: invalid length ${length}`);
  if (offset > size || length > size - offset) {
    throw new FormatError(offset, `${what}: ${length} bytes at offset ${offset} run past the end of the ${size}-byte file`);
  }
}
function makeSource(size, raw2, close, counter) {
  let head2;
  const src = {
    size,
    get bytesRead() {
      return counter.n;
    },
    async read(offset, length, what) {
      checkRange(size, offset, length, what);
      if (length === 0) return new Uint8Array(0);
      if (offset + length <= Math.min(HEAD, size)) {
        head2 ??= raw2(0, Math.min(HEAD, size));
        return (await head2).subarray(offset, offset + length);
      }
      return raw2(offset, length);
    },
    slice(offset, length) {
      checkRange(size, offset, length, "slice");
      return makeSource(length, (o, l) => raw2(offset + o, l), async () => {
      }, counter);
    },
    close
  };
  return src;
}
async function fileSource(path41) {
  const fh = await import_node_fs6.default.promises.open(path41, "r");
  try {
    const { size } = await fh.stat();
    const counter = { n: 0 };
    return makeSource(
      size,
      async (offset, length) => {
        const buf = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await fh.read(buf, done, length - done, offset + done);
          if (bytesRead === 0) throw new FormatError(offset + done, "file shrank while being read");
          done += bytesRead;
        }
        counter.n += length;
        return buf;
      },
      () => fh.close(),
      counter
    );
  } catch (e) {
    await fh.close();
    throw e;
  }
}

// src/inspect/binary.ts
var UPX = Buffer.from("UPX!");
function unicodeModule(m) {
  return m && { path: toUnicode(m.path), version: toUnicode(m.version), sum: toUnicode(m.sum), replace: unicodeModule(m.replace) };
}
function unicodeBuildInfo(bi) {
  return {
    goVersion: toUnicode(bi.goVersion),
    path: toUnicode(bi.path),
    main: unicodeModule(bi.main),
    deps: bi.deps.map((d) => unicodeModule(d)),
    settings: bi.settings.map((s) => ({ key: toUnicode(s.key), value: toUnicode(s.value) }))
  };
}
async function readImage(src, head2) {
  if (head2[0] === 127 && head2[1] === 69 && head2[2] === 76 && head2[3] === 70) return readElf(src);
  if (head2[0] === 77 && head2[1] === 90) return readPe(src);
  if (isThinMacho(head2)) return readMacho(src);
  throw unrecognized("not ELF, PE or Mach-O");
}
async function pclnFacts(src, image) {
  const le = image.endian === "little";
  const table2 = image.pclntab ?? (image.pclntabSearch.length > 0 ? await pclntabFromModuledata(src, image, le) ?? await searchPclntab(src, image.pclntabSearch, le) : null);
  return table2 ? readPclnFacts(src, table2, le) : null;
}
async function inspectThin(src, file, head2) {
  const image = await readImage(src, head2);
  const { mappings: _m, dataStart: _d, pclntab: _p, pclntabSearch: _s, moduledataHint: _h, ...facts } = image;
  let buildInfo = null;
  let buildInfoError = null;
  let goVersionM = null;
  try {
    const raw2 = await readRawBuildInfo(src, image);
    if (raw2) {
      const bi = parseBuildInfo(raw2.version, raw2.modinfo);
      buildInfo = unicodeBuildInfo(bi);
      goVersionM = toUnicode(formatGoVersionM(fromUnicode(file), bi));
    }
  } catch (e) {
    if (!(e instanceof FormatError || e instanceof BuildInfoSyntaxError)) throw e;
    buildInfoError = e.message;
  }
  const pcln = await pclnFacts(src, image);
  const upxHead = await src.read(0, Math.min(src.size, 8192), "file head");
  const tags = buildInfo?.settings.find((s) => s.key === "-tags")?.value.split(",") ?? [];
  const fallbackDep = buildInfo?.deps.some((d) => d.path === "golang.org/x/crypto/x509roots/fallback") === true;
  return {
    file,
    ...facts,
    upx: Buffer.from(upxHead).includes(UPX),
    tzdata: pcln?.embedsTzdata === true || tags.includes("timetzdata"),
    usesLoadLocation: pcln?.usesLoadLocation === true,
    libc: libcOf(facts.format, facts.static, facts.interpreter, facts.needed),
    glibcFloor: versionFloor(facts.versionNeeds, "GLIBC"),
    glibcxxFloor: versionFloor(facts.versionNeeds, "GLIBCXX"),
    cxxabiFloor: versionFloor(facts.versionNeeds, "CXXABI"),
    cpuLevel: cpuLevelOf(facts.arch, buildInfo?.settings ?? null),
    usesSystemRoots: pcln?.usesSystemRoots === true,
    embedsRoots: fallbackDep || pcln?.setsFallbackRoots === true,
    leakedPaths: pcln?.leakedPaths ?? { count: 0, examples: [] },
    buildInfo,
    go: buildInfo !== null || buildInfoError !== null || pcln !== null || facts.goBuildId !== null,
    buildInfoError,
    goVersionM,
    size: src.size,
    bytesRead: 0
  };
}
async function fileMagic(src) {
  if (src.size < 16) throw unrecognized(`file is ${src.size} bytes, shorter than any executable header`);
  return src.read(0, 16, "file magic");
}
async function inspectSource(src, file) {
  const head2 = await fileMagic(src);
  let info;
  if (isFatMacho(head2)) {
    const slices = [];
    for (const a of await readFatArches(src)) {
      const slice = src.slice(a.offset, a.size);
      const sliceHead = await slice.read(0, Math.min(16, a.size), "fat slice magic");
      if (!isThinMacho(sliceHead)) throw new FormatError(a.offset, `fat slice for ${a.arch} is not a thin Mach-O file`);
      slices.push(await inspectThin(slice, file, sliceHead));
    }
    info = { ...slices[0], size: src.size, slices };
  } else {
    info = await inspectThin(src, file, head2);
  }
  info.bytesRead = src.bytesRead;
  return info;
}
async function inspectFile(path41, displayName = path41) {
  const src = await fileSource(path41);
  try {
    return await inspectSource(src, displayName);
  } finally {
    await src.close();
  }
}
async function readBuildInfoFile(path41) {
  const src = await fileSource(path41);
  try {
    const head2 = await fileMagic(src);
    if (isFatMacho(head2)) return null;
    const raw2 = await readRawBuildInfo(src, await readImage(src, head2));
    return raw2 && parseBuildInfo(raw2.version, raw2.modinfo);
  } finally {
    await src.close();
  }
}
function oneJson(b, file) {
  return {
    file,
    format: b.format,
    arch: b.arch,
    bits: b.bits,
    endian: b.endian,
    type: b.type,
    static: b.static,
    interpreter: b.interpreter,
    needed: b.needed,
    libc: b.libc,
    versionNeeds: b.versionNeeds,
    glibcFloor: b.glibcFloor,
    glibcxxFloor: b.glibcxxFloor,
    cxxabiFloor: b.cxxabiFloor,
    rpath: b.rpath,
    runpath: b.runpath,
    stripped: b.stripped,
    pie: b.pie,
    relro: b.relro,
    nx: b.nx,
    goBuildId: b.goBuildId,
    gnuBuildId: b.gnuBuildId,
    cpuLevel: formatCpuLevel(b.cpuLevel),
    upx: b.upx,
    tzdata: b.tzdata,
    usesLoadLocation: b.usesLoadLocation,
    usesSystemRoots: b.usesSystemRoots,
    embedsRoots: b.embedsRoots,
    leakedPaths: b.leakedPaths,
    buildInfo: b.buildInfo
  };
}
function toJson(b) {
  return b.slices ? b.slices.map((s) => oneJson(s, `${b.file} (${s.arch})`)) : [oneJson(b, b.file)];
}

// src/util/childenv.ts
var BASE = [
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "TMPDIR",
  "TEMP",
  "TMP",
  "LANG",
  "LANGUAGE",
  "TZ",
  "XDG_CACHE_HOME",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "SystemRoot",
  "SYSTEMROOT",
  "windir",
  "ComSpec",
  "PATHEXT",
  "USERPROFILE",
  "APPDATA",
  "LOCALAPPDATA",
  "ProgramData",
  "ProgramFiles",
  "ProgramFiles(x86)",
  "PROCESSOR_ARCHITECTURE",
  "NUMBER_OF_PROCESSORS",
  "OS"
];
var BASE_PREFIXES = ["LC_"];
var ALLOW = {
  go: {
    names: [
      ...BASE,
      // Private modules: netrc credentials and ssh agents are how the go command authenticates.
      "NETRC",
      "SSH_AUTH_SOCK",
      // The C toolchain cgo drives (gcc, clang, pkg-config, Apple SDKs).
      "CC",
      "CXX",
      "FC",
      "AR",
      "PKG_CONFIG",
      "PKG_CONFIG_PATH",
      "PKG_CONFIG_LIBDIR",
      "PKG_CONFIG_SYSROOT_DIR",
      "CPATH",
      "C_INCLUDE_PATH",
      "CPLUS_INCLUDE_PATH",
      "LIBRARY_PATH",
      "LD_LIBRARY_PATH",
      "SDKROOT",
      "DEVELOPER_DIR",
      "MACOSX_DEPLOYMENT_TARGET",
      "GCCGO"
    ],
    prefixes: [...BASE_PREFIXES, "CGO_", "GIT_"],
    // Go's own variables are one word (GOFLAGS, GO111MODULE, GOAMD64): GOOGLE_APPLICATION_CREDENTIALS is not one.
    pattern: /^GO[A-Z0-9]*$/
  },
  git: { names: [...BASE, "SSH_AUTH_SOCK"], prefixes: [...BASE_PREFIXES, "GIT_"] },
  // Trivy's own TRIVY_* settings would change what it scans and what we parse; only the ones
  // that reach the vulnerability DB pass (mirrors and registry credentials).
  trivy: {
    names: [...BASE, "DOCKER_CONFIG", "TRIVY_DB_REPOSITORY", "TRIVY_JAVA_DB_REPOSITORY", "TRIVY_USERNAME", "TRIVY_PASSWORD", "TRIVY_REGISTRY_TOKEN"],
    prefixes: [...BASE_PREFIXES]
  },
  // COSIGN_PASSWORD is not here: the sign stage hands it in, and only when it signs with a key.
  cosign: { names: [...BASE, "TUF_ROOT"], prefixes: [...BASE_PREFIXES, "SIGSTORE_"] }
};
function childEnv(tool, env, extra = {}) {
  const allow = ALLOW[tool];
  const names = new Set(allow.names);
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === void 0) continue;
    if (names.has(k) || allow.prefixes.some((p) => k.startsWith(p)) || allow.pattern?.test(k)) out[k] = v;
  }
  return { ...out, ...extra };
}

// src/util/fnv.ts
function fnv1a(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, "0");
}

// src/util/records.ts
var import_node_fs7 = __gateBuiltin("node:fs");
var import_node_path7 = __gateBuiltin("node:path");
function gateRecordFile(gocache, name) {
  return import_node_path7.default.join(gocache, "go-release-gate", name);
}
function readRecord(file, touchAfterMs, now = Date.now()) {
  let value;
  let mtimeMs;
  try {
    const fd = import_node_fs7.default.openSync(file, "r");
    try {
      mtimeMs = import_node_fs7.default.fstatSync(fd).mtimeMs;
      value = JSON.parse(import_node_fs7.default.readFileSync(fd, "utf8"));
    } finally {
      import_node_fs7.default.closeSync(fd);
    }
  } catch {
    return void 0;
  }
  if (now - mtimeMs >= touchAfterMs) {
    try {
      import_node_fs7.default.utimesSync(file, new Date(now), new Date(now));
    } catch {
    }
  }
  return value;
}
function writeWhole(file, data, opts = {}) {
  import_node_fs7.default.mkdirSync(import_node_path7.default.dirname(file), { recursive: true, ...opts.private ? { mode: 448 } : {} });
  const tmp = `${file}.${process.pid}.tmp`;
  import_node_fs7.default.writeFileSync(tmp, data, opts.private ? { mode: 384 } : {});
  import_node_fs7.default.renameSync(tmp, file);
}
function writeRecord(file, value, opts = {}) {
  try {
    writeWhole(file, `${JSON.stringify(value)}
`, opts);
    return true;
  } catch {
    return false;
  }
}

// src/util/stat-identity.ts
var SETTLED_MS = 5e3;
function statIdentity(s) {
  return `${s.dev} ${s.ino} ${s.mode} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`;
}
function settledAt(s, nowMs2) {
  const cutoff = nowMs2 - SETTLED_MS;
  return s.ctimeMs < cutoff && s.mtimeMs < cutoff;
}

// src/toolchain/probe.ts
var FORMAT = "go-release-gate go env v1";
var PROBE_ARGS = ["env", "GOVERSION", "GOROOT"];
var PROBE_READS = ["GOROOT", "GOENV", "HOME", "XDG_CONFIG_HOME", "AppData", "APPDATA", "GOTOOLCHAIN"];
function goEnvFile(env, platform = process.platform) {
  const set = env.GOENV;
  if (set) return set === "off" ? void 0 : set;
  let dir;
  if (platform === "win32") dir = env.AppData || env.APPDATA;
  else if (platform === "darwin") dir = env.HOME ? `${env.HOME}/Library/Application Support` : void 0;
  else {
    const xdg = env.XDG_CONFIG_HOME;
    dir = xdg ? import_node_path8.default.isAbsolute(xdg) ? xdg : void 0 : env.HOME ? `${env.HOME}/.config` : void 0;
  }
  return dir ? import_node_path8.default.join(dir, "go", "env") : void 0;
}
function identityOf(p, nowMs2, settled3) {
  try {
    const s = import_node_fs8.default.statSync(p);
    if (!settledAt(s, nowMs2)) settled3.all = false;
    return statIdentity(s);
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return "absent";
    throw e;
  }
}
function probeKey(dir, bin, env, nowMs2 = Date.now(), platform = process.platform) {
  try {
    const real2 = import_node_fs8.default.realpathSync.native(bin);
    const settled3 = { all: true };
    const self = identityOf(real2, nowMs2, settled3);
    if (self === "absent") return void 0;
    const envFile = goEnvFile(env, platform);
    const lines = [
      FORMAT,
      `bin ${real2} ${self}`,
      `tool ${identityOf(import_node_path8.default.join(import_node_path8.default.dirname(import_node_path8.default.dirname(real2)), "pkg", "tool"), nowMs2, settled3)}`,
      `envfile ${envFile ?? "-"} ${envFile ? identityOf(envFile, nowMs2, settled3) : "-"}`,
      ...PROBE_READS.map((k) => `env ${k}${env[k] === void 0 ? " unset" : `=${env[k]}`}`)
    ];
    return { file: import_node_path8.default.join(dir, `go-env-${fnv1a(real2)}`), key: lines.join("\n"), real: real2, settled: settled3.all };
  } catch {
    return void 0;
  }
}
function keptProbe(k) {
  const rec = readRecord(k.file, Infinity);
  return rec?.format === FORMAT && rec.key === k.key && typeof rec.stdout === "string" ? rec.stdout : void 0;
}
async function keepProbe(k, stdout, isGoCommand2) {
  if (!k.settled || !await isGoCommand2(k.real).catch(() => false)) return false;
  return writeRecord(k.file, { format: FORMAT, key: k.key, stdout }, { private: true });
}
async function isGoCommand(file) {
  return (await readBuildInfoFile(file))?.path === "cmd/go";
}
function parseProbe(stdout) {
  const [v, goroot = ""] = stdout.split("\n");
  const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(v.trim());
  return m ? { version: m[1], goroot: goroot.trim() } : void 0;
}
async function probeGo(ports, bin) {
  const env = childEnv("go", ports.env, { GOTOOLCHAIN: "local" });
  const key = ports.keepDir ? probeKey(ports.keepDir, bin, env) : void 0;
  const kept = key && keptProbe(key);
  if (kept !== void 0) {
    ports.log.debug(`${bin}: go env GOVERSION GOROOT as an earlier run asked it (${key.file})`);
    return parseProbe(kept);
  }
  const r2 = await ports.exec.run(bin, PROBE_ARGS, { env });
  const answer = r2.code === 0 ? parseProbe(r2.stdout) : void 0;
  if (answer && key) await keepProbe(key, r2.stdout, isGoCommand);
  return answer;
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
function fail(r2, message, extra = {}) {
  throw new ToolchainFailure(finding(r2, "toolchain", { message, ...extra }));
}
function resolveSpec(ctx) {
  const { config } = ctx;
  if (config.goVersion) return { spec: parseGoVersionSpec(config.goVersion), from: "input go-version" };
  const candidates = config.goVersionFile ? [config.goVersionFile] : ["go.work", "go.mod"];
  for (const name of candidates) {
    const file = import_node_path9.default.resolve(config.dir, name);
    if (!import_node_fs9.default.existsSync(file)) {
      if (config.goVersionFile) fail(UNRESOLVED, `go-version-file ${displayPath(ctx.config.workspace, file)} does not exist`);
      continue;
    }
    try {
      const r2 = parseVersionFile(displayPath(ctx.config.workspace, file), import_node_fs9.default.readFileSync(file, "utf8"));
      return { spec: r2.spec, from: `${displayPath(ctx.config.workspace, file)}:${r2.line} (${r2.from})`, file: displayPath(ctx.config.workspace, file), line: r2.line };
    } catch (e) {
      const m = /^(.*?):(\d+):/.exec(e.message);
      fail(UNRESOLVED, e.message, { location: { file: m ? m[1] : displayPath(ctx.config.workspace, file), line: m ? Number(m[2]) : 1 } });
    }
  }
  return fail(UNRESOLVED, `no go-version input and no go.mod or go.work in ${displayPath(ctx.config.workspace, config.dir) || "."}`);
}
var probes = /* @__PURE__ */ new WeakMap();
function probe(ctx, bin) {
  let seen = probes.get(ctx.state);
  if (!seen) probes.set(ctx.state, seen = /* @__PURE__ */ new Map());
  let p = seen.get(bin);
  if (!p) seen.set(bin, p = probeGo(ctx.ports, bin));
  return p;
}
function unreachable(ctx, wanted, onPath, what, url, error) {
  const reason = (error.message ?? String(error)).replace(`GET ${url}: `, "");
  const system = onPath.bin ? `set go-version to system (CLI: --go-version system) to build with ${onPath.bin}` : "install Go on PATH and set go-version to system (CLI: --go-version system)";
  return fail(
    DOWNLOAD,
    `Go ${describeSpec(wanted.spec)} (wanted by ${wanted.from}) could not be downloaded: ${what}: ${reason}. Not using the go on PATH: ${onPath.text}. Ways out: ${system}, or point go-download-base-url at a mirror this machine can reach (now ${ctx.config.goDownloadBaseUrl}).`,
    wanted.file ? { location: { file: wanted.file, line: wanted.line } } : {}
  );
}
async function download(ctx, wanted, onPath) {
  const { tools, log } = ctx.ports;
  const spec = wanted.spec;
  const base3 = ctx.config.goDownloadBaseUrl;
  const listingUrl = `${base3}/?mode=json&include=all`;
  let listingFile;
  try {
    listingFile = await tools.download(listingUrl);
  } catch (e) {
    return unreachable(ctx, wanted, onPath, `could not read the Go downloads listing ${listingUrl}`, listingUrl, e);
  }
  let releases;
  try {
    releases = parseListing(import_node_fs9.default.readFileSync(listingFile, "utf8"), listingUrl);
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
  const url = `${base3}/${file.filename}`;
  const version = goToSemver(release.version);
  let installed;
  try {
    installed = await installTool(tools, {
      tool: "go",
      version,
      arch: process.arch,
      url,
      asset: file.filename,
      sha256: file.sha256,
      ...file.size ? { size: file.size } : {},
      digestSource: `the Go downloads listing ${listingUrl}`,
      packing: file.filename.endsWith(".zip") ? "zip" : "tar.gz",
      root: "go",
      program: process.platform === "win32" ? "bin/go.exe" : "bin/go"
    }, log);
  } catch (e) {
    if (!(e instanceof InstallError)) throw e;
    if (e.kind === "download") return unreachable(ctx, wanted, onPath, `could not download ${url}`, url, e.reason ?? e);
    return fail(e.kind === "checksum" ? CHECKSUM : DOWNLOAD, e.message);
  }
  return { bin: installed.bin, version: release.version, goroot: installed.dir, source: "download", cacheVersion: version };
}
function goBin(goroot) {
  return import_node_path9.default.join(goroot, "bin", process.platform === "win32" ? "go.exe" : "go");
}
async function locate(ctx, wanted) {
  const { tools, log } = ctx.ports;
  const spec = wanted.spec;
  if (spec.kind === "system") {
    const bin = findOnPath("go", ctx.ports.env.PATH);
    const p2 = bin && await probe(ctx, bin);
    if (!bin || !p2) return fail(UNRESOLVED, 'go-version is "system" but no working go is on PATH');
    return { bin, version: p2.version, goroot: p2.goroot, source: "path" };
  }
  const cachedVersion = pickInstalled(tools.versions("go", process.arch), spec);
  if (cachedVersion) {
    const dir = tools.find("go", goToSemver(cachedVersion), process.arch);
    if (dir && import_node_fs9.default.existsSync(goBin(dir))) return { bin: goBin(dir), version: cachedVersion, goroot: dir, source: "tool-cache" };
  }
  const onPath = findOnPath("go", ctx.ports.env.PATH);
  const p = onPath && await probe(ctx, onPath);
  if (onPath && p && satisfies(p.version, spec)) {
    log.info(`Using go ${p.version} from PATH (${onPath}): it satisfies ${describeSpec(spec)}`);
    return { bin: onPath, version: p.version, goroot: p.goroot, source: "path" };
  }
  return download(ctx, wanted, pathNote(spec, onPath, p || void 0));
}
function pathNote(spec, bin, p) {
  if (!bin) return { text: "there is no go on PATH" };
  if (!p) return { bin, text: `${bin} does not run (go env failed)` };
  if (spec.kind === "stable" || spec.kind === "oldstable") return { bin, text: `${bin} is go ${p.version}, and which release is ${spec.kind} needs the downloads listing` };
  return { bin, text: `${bin} is go ${p.version}, which does not satisfy ${describeSpec(spec)}` };
}
function toolchainTable(wanted, go, source, goroot) {
  return { header: ["Go", "Wanted", "Source", "GOROOT"], rows: [[go, wanted ? wanted.from.replace(/\|/g, "/") : "could not be determined", source, goroot]] };
}
var toolchainStage = {
  name: "toolchain",
  rules: [UNRESOLVED, DOWNLOAD, CHECKSUM],
  async run(ctx) {
    let wanted;
    try {
      wanted = resolveSpec(ctx);
      const { spec, from, file, line } = wanted;
      const go = await locate(ctx, wanted);
      const p = await probe(ctx, go.bin);
      const broken = !p ? `${go.bin} does not run (go env failed)` : p.version !== go.version && !satisfies(p.version, spec) ? `${go.bin} reports go${p.version}, which does not satisfy ${describeSpec(spec)} from ${from}` : void 0;
      if (broken) {
        if (go.source === "download" && go.cacheVersion) {
          await ctx.ports.tools.uncache("go", go.cacheVersion, process.arch);
          return fail(UNRESOLVED, `${broken}; the downloaded toolchain was removed from the tool cache`, file ? { location: { file, line } } : {});
        }
        return fail(UNRESOLVED, broken, file ? { location: { file, line } } : {});
      }
      const toolchain = { bin: go.bin, version: p.version, goroot: p.goroot, source: go.source };
      ctx.state.go = toolchain;
      const binDir = import_node_path9.default.dirname(go.bin);
      ctx.state.goEnv = {
        ...ctx.state.goEnv,
        // Our go commands must never fetch another toolchain behind our back (GOTOOLCHAIN=auto).
        GOTOOLCHAIN: "local",
        PATH: `${binDir}${import_node_path9.default.delimiter}${ctx.state.goEnv.PATH ?? ""}`
      };
      ctx.ports.outputs.addPath(binDir);
      ctx.state.facts["go-version"] = toolchain.version;
      ctx.state.facts["go-source"] = toolchain.source;
      return {
        status: "passed",
        findings: [],
        table: toolchainTable(wanted, toolchain.version, go.source, toolchain.goroot),
        metrics: { goVersion: toolchain.version, source: toolchain.source }
      };
    } catch (e) {
      if (e instanceof ToolchainFailure) {
        return { status: "failed", reason: e.message, findings: [e.finding], table: toolchainTable(wanted, "not installed", e.finding.ruleId.replace(/^toolchain\//, ""), "") };
      }
      throw e;
    }
  }
};

// src/stages/cache.ts
var import_node_path11 = __gateBuiltin("node:path");

// src/pipeline/stage.ts
async function settled(outcome) {
  return outcome.pending ? settled(await outcome.pending) : outcome;
}
function skipped(reason) {
  return { status: "skipped", reason, findings: [] };
}
function statusFrom(findings) {
  return findings.some((f) => f.severity === "error") ? "failed" : "passed";
}

// src/cache/keys.ts
var KEY_PREFIX = "go-release-gate-v1";
function keyPart(value) {
  return value.replace(/[^A-Za-z0-9._]+/g, "_") || "_";
}
function scopeHash(s) {
  const targets = s.targets.map((t) => `${t.goos}/${t.goarch}`).sort();
  const tags = [...s.tags].sort();
  return sha256Hex(JSON.stringify([s.job, s.dir.split("\\").join("/"), targets, tags, s.cgo])).slice(0, 12);
}
function goSumHash(files) {
  const h = sha256Hash();
  for (const f of [...files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) {
    h.update(f.path.split("\\").join("/")).update("\0").update(sha256Hex(f.content)).update("\0");
  }
  return h.digest("hex").slice(0, 20);
}
function runSuffix(env, nowMs2) {
  const id = env.GITHUB_RUN_ID;
  if (id) return keyPart(`r${id}.${env.GITHUB_RUN_ATTEMPT || "1"}`);
  return `t${nowMs2.toString(36)}`;
}
function base2(kind, p) {
  return `${KEY_PREFIX}-${kind === "modules" ? "gomod" : "gobuild"}-${keyPart(p.os)}-${keyPart(p.arch)}-go${keyPart(p.goVersion)}`;
}
function moduleKeys(p) {
  const b = base2("modules", p);
  const scoped = `${b}-${p.scope}-`;
  const key = `${scoped}${p.goSum}`;
  return {
    key,
    restoreKeys: [scoped, `${b}-`, `${KEY_PREFIX}-gomod-${keyPart(p.os)}-${keyPart(p.arch)}-`],
    hitPrefix: key
  };
}
function buildKeys(p) {
  const b = base2("build", p);
  const scoped = `${b}-${p.scope}-`;
  const hitPrefix = `${scoped}${p.goSum}-`;
  return { key: `${hitPrefix}${keyPart(p.run)}`, restoreKeys: [hitPrefix, scoped, `${b}-`], hitPrefix };
}
function sameKey(a, b) {
  return a !== void 0 && b !== void 0 && a.localeCompare(b, void 0, { sensitivity: "accent" }) === 0;
}
function keyHasPrefix(key, prefix) {
  return key.length >= prefix.length && sameKey(key.slice(0, prefix.length), prefix);
}
function restoreState(keys, matchedKey) {
  if (!matchedKey) return "miss";
  return sameKey(matchedKey, keys.key) || keyHasPrefix(matchedKey, keys.hitPrefix) ? "hit" : "partial";
}
function buildScopeOf(key) {
  const parts = key.split("-");
  const prefix = `${KEY_PREFIX}-gobuild`.split("-");
  if (parts.length !== prefix.length + 6 || prefix.some((p, i) => parts[i] !== p)) return void 0;
  if (!/^[0-9a-f]{20}$/.test(parts[prefix.length + 4]) || !parts[prefix.length + 2].startsWith("go") || parts.at(-1) === "") return void 0;
  return `${parts.slice(0, prefix.length + 4).join("-")}-`;
}
function trivyDbKeys(os8, nowMs2) {
  const prefix = `${KEY_PREFIX}-trivydb-${keyPart(os8)}-`;
  const key = `${prefix}${new Date(nowMs2).toISOString().slice(0, 10)}`;
  return { key, restoreKeys: [prefix], hitPrefix: key };
}

// src/cache/plan.ts
var PLAN_STATE_KEY = "cache-plan";
function serializePlan(plan) {
  return JSON.stringify(plan);
}
function parsePlan(text) {
  if (!text) return void 0;
  try {
    const p = JSON.parse(text);
    if (p?.version !== 1 || !Array.isArray(p.slots) || typeof p.startedAtMs !== "number") return void 0;
    return p;
  } catch {
    return void 0;
  }
}
function saveDecision(plan, slot) {
  if (plan.mode === "read-only") return { save: false, reason: "read-only: this run restores caches but never writes them" };
  if (plan.mode === "off") return { save: false, reason: "cache: off" };
  if (slot.noSave) return { save: false, reason: slot.noSave };
  if (sameKey(slot.matchedKey, slot.key)) {
    return { save: false, reason: slot.state === "error" ? "the entry for this key exists (only its download failed)" : "exact key hit: the entry exists" };
  }
  if (slot.kind === "modules" && slot.state === "hit") return { save: false, reason: "key hit: the entry for this go.sum exists" };
  return { save: true };
}

// src/cache/disk.ts
var import_node_fs10 = __gateBuiltin("node:fs");
var import_node_path10 = __gateBuiltin("node:path");
var SKIP_DIR = (name) => name.startsWith(".") || name.startsWith("_") || name === "testdata" || name === "vendor" || name === "node_modules";
function findGoSums(root) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = import_node_fs10.default.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = import_node_path10.default.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIR(e.name)) walk(p);
      } else if (e.isFile() && (e.name === "go.sum" || e.name === "go.work.sum")) {
        found.push({ path: import_node_path10.default.relative(root, p).split(import_node_path10.default.sep).join("/"), content: import_node_fs10.default.readFileSync(p) });
      }
    }
  };
  walk(root);
  return found;
}
function treeSize(dir) {
  let total = 0;
  const walk = (d) => {
    let entries;
    try {
      entries = import_node_fs10.default.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = import_node_path10.default.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) total += import_node_fs10.default.lstatSync(p).size;
    }
  };
  walk(dir);
  return total;
}
function listGoCache(dir) {
  const out = [];
  for (const e of import_node_fs10.default.readdirSync(dir, { withFileTypes: true })) {
    const p = import_node_path10.default.join(dir, e.name);
    if (e.isFile()) {
      const st = import_node_fs10.default.lstatSync(p);
      out.push({ path: e.name, size: st.size, mtimeMs: st.mtimeMs });
      continue;
    }
    if (!e.isDirectory()) continue;
    for (const sub of import_node_fs10.default.readdirSync(p, { withFileTypes: true })) {
      const q = import_node_path10.default.join(p, sub.name);
      const st = import_node_fs10.default.lstatSync(q);
      out.push({ path: `${e.name}/${sub.name}`, size: sub.isDirectory() ? treeSize(q) : st.size, mtimeMs: st.mtimeMs });
    }
  }
  return out;
}
function removeTree(dir) {
  try {
    import_node_fs10.default.rmSync(dir, { recursive: true, force: true });
    return;
  } catch {
  }
  const chmod = (d) => {
    try {
      import_node_fs10.default.chmodSync(d, 493);
      for (const e of import_node_fs10.default.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) chmod(import_node_path10.default.join(d, e.name));
    } catch {
    }
  };
  chmod(dir);
  import_node_fs10.default.rmSync(dir, { recursive: true, force: true });
}
function freshDir(dir) {
  removeTree(dir);
  import_node_fs10.default.mkdirSync(dir, { recursive: true });
}
function isEmptyDir(dir) {
  try {
    return import_node_fs10.default.readdirSync(dir).length === 0;
  } catch {
    return true;
  }
}
function applyTrim(dir, files) {
  for (const f of files) import_node_fs10.default.rmSync(import_node_path10.default.join(dir, ...f.path.split("/")), { recursive: true, force: true });
}
var MAX_USES = 1e3;
function claimCacheDirs(root) {
  import_node_fs10.default.mkdirSync(root, { recursive: true });
  for (let n = 1; n <= MAX_USES; n++) {
    try {
      import_node_fs10.default.writeFileSync(import_node_path10.default.join(root, `use-${n}`), String(process.pid), { flag: "wx" });
    } catch (e) {
      if (e.code === "EEXIST") continue;
      throw e;
    }
    const suffix = n === 1 ? "" : `-${n}`;
    return { modules: import_node_path10.default.join(root, `gomod${suffix}`), build: import_node_path10.default.join(root, `gocache${suffix}`) };
  }
  throw new Error(`${root} already holds ${MAX_USES} claims (use-1 ... use-${MAX_USES}): not a directory this job's runs left`);
}

// src/report/escape.ts
function escapeHtml(text) {
  return text.replace(/[&<>|`\\*[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function cell(text) {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}
function code(text) {
  return `<code>${cell(text)}</code>`;
}
function table(header, rows) {
  const line = (cols) => `| ${cols.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
function truncateText(text, max, rest = "report.json") {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}
\u2026 ${text.length - max} more characters cut (full text in ${rest})`;
}
function detailsBlock(title, body, max) {
  return ["<details><summary>" + cell(title) + "</summary>", "", "<pre>", escapeHtml(truncateText(body.replace(/\r\n?/g, "\n"), max)), "</pre>", "</details>"].join("\n");
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
function sentence(text) {
  const t = text.trim().replace(/[\s.]+$/, "");
  if (t === "") return "";
  return /[!?:]$/.test(t) ? t : `${t}.`;
}

// src/stages/cache.ts
var CACHE_DIR_NAME = "go-release-gate-cache";
var DEFAULT_RESTORE_MINUTES = 20;
var RestoreTimeout = class extends Error {
};
function restoreDeadlineMs(env) {
  const minutes = Number(env.SEGMENT_DOWNLOAD_TIMEOUT_MINS);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_RESTORE_MINUTES) * 6e4;
}
function withDeadline(work, ms, what) {
  work.catch(() => void 0);
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new RestoreTimeout(`${what} did not finish within ${formatDuration(ms)}`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
var LABEL = { modules: "module cache (GOMODCACHE)", build: "build cache (GOCACHE)", "trivy-db": "Trivy vulnerability DB" };
async function restoreSlot(store, kind, dir, keys, deadlineMs, log) {
  const t0 = nowMs();
  const slot = { kind, dir, key: keys.key, restoreKeys: keys.restoreKeys, state: "miss" };
  let problem;
  freshDir(dir);
  try {
    const r2 = await withDeadline(store.restore([dir], keys.key, keys.restoreKeys), deadlineMs, `restoring the ${LABEL[kind]}`);
    if (r2.matchedKey) {
      slot.matchedKey = r2.matchedKey;
      slot.state = restoreState(keys, r2.matchedKey);
    } else {
      freshDir(dir);
    }
  } catch (e) {
    slot.state = "error";
    problem = `${LABEL[kind]} not restored: ${e instanceof Error ? e.message : String(e)}`;
    const found = e.matchedKey;
    if (typeof found === "string" && found) slot.matchedKey = found;
    if (e instanceof RestoreTimeout) {
      slot.dir = `${dir}-${Date.now().toString(36)}`;
      slot.noSave = "the restore timed out, so this run used a stand-in directory";
      freshDir(slot.dir);
    } else {
      freshDir(dir);
    }
    log.warning(`${sentence(problem)} Going on without it; the verdict does not depend on the cache.`);
  }
  const bytes = slot.matchedKey ? treeSize(slot.dir) : 0;
  return { slot, bytes, ms: Math.round(nowMs() - t0), ...problem ? { problem } : {} };
}
async function goFlagsWithModcacherw(ctx) {
  const r2 = await ctx.ports.exec.run(ctx.state.go.bin, ["env", "GOFLAGS"], { env: ctx.state.goEnv });
  const current = r2.code === 0 ? r2.stdout.trim() : ctx.state.goEnv.GOFLAGS ?? "";
  const flags = current.split(/\s+/).filter(Boolean);
  if (flags.some((f) => f === "-modcacherw" || f === "-modcacherw=true" || f === "--modcacherw")) return { flags: flags.join(" "), added: false };
  return { flags: [...flags, "-modcacherw"].join(" "), added: true };
}
function unavailable(ctx) {
  if (!ctx.state.go) return "needs the Go toolchain";
  if (ctx.config.cache === "off") return "the cache input is off: nothing was restored or saved";
  if (!ctx.ports.cache) return "no cache store: the Actions cache service is not available here (CLI: pass --cache-dir)";
  return void 0;
}
function stateText(r2) {
  if (r2.slot.notRestored) return `not restored: ${r2.slot.notRestored}`;
  return r2.slot.state === "error" ? `error: ${r2.problem ?? ""}` : r2.slot.state;
}
function saveText(plan, slot, savedAt) {
  const d = saveDecision(plan, slot);
  if (!d.save) return `no: ${d.reason}`;
  return slot.kind === "build" ? `${savedAt}, after trimming` : savedAt;
}
var RELEASE_BUILD_CACHE = "release builds never use a restored build cache (it cannot be verified)";
function notRestored(kind, dir, keys, why) {
  freshDir(dir);
  return { slot: { kind, dir, key: keys.key, restoreKeys: keys.restoreKeys, state: "miss", notRestored: why }, bytes: 0, ms: 0 };
}
async function restoreCaches(ctx, store) {
  const { config, ports, state } = ctx;
  const startedAtMs = Date.now();
  const go = state.go;
  const parts = {
    os: ports.platform.os,
    arch: ports.platform.arch,
    goVersion: go.version,
    scope: scopeHash({
      job: ports.env.GITHUB_JOB ?? "",
      dir: import_node_path11.default.relative(config.workspace, config.dir) || ".",
      targets: config.targets,
      tags: config.tags,
      cgo: config.cgo
    }),
    goSum: goSumHash(findGoSums(config.dir)),
    run: runSuffix(ports.env, startedAtMs)
  };
  const dirs = claimCacheDirs(import_node_path11.default.join(ports.tempDir, CACHE_DIR_NAME));
  const deadline = restoreDeadlineMs(ports.env);
  const modules = await restoreSlot(store, "modules", dirs.modules, moduleKeys(parts), deadline, ports.log);
  const build2 = config.mode === "release" ? notRestored("build", dirs.build, buildKeys(parts), RELEASE_BUILD_CACHE) : await restoreSlot(store, "build", dirs.build, buildKeys(parts), deadline, ports.log);
  for (const r2 of [modules, build2]) {
    if (r2.slot.notRestored) ports.log.info(`${LABEL[r2.slot.kind]}: not restored: ${r2.slot.notRestored}`);
    else ports.log.info(`${LABEL[r2.slot.kind]}: ${r2.slot.state}${r2.slot.matchedKey ? ` (${r2.slot.matchedKey}, ${formatBytes(r2.bytes)})` : ""} in ${formatDuration(r2.ms)}`);
  }
  const goFlags2 = await goFlagsWithModcacherw(ctx);
  state.goEnv = { ...state.goEnv, GOMODCACHE: modules.slot.dir, GOCACHE: build2.slot.dir, GOFLAGS: goFlags2.flags };
  if (goFlags2.added) state.facts["cache-goflags-added"] = "-modcacherw";
  const plan = {
    version: 1,
    mode: config.cache,
    store: store.kind,
    startedAtMs,
    maxBytes: config.cacheMaxSize,
    slots: [modules.slot, build2.slot]
  };
  ports.state.save(PLAN_STATE_KEY, serializePlan(plan));
  state.facts["cache-hit"] = modules.slot.state === "error" ? "miss" : modules.slot.state;
  state.facts["cache-build"] = build2.slot.notRestored ? "not restored" : build2.slot.state === "error" ? "miss" : build2.slot.state;
  state.facts["cache-modules-key"] = modules.slot.key;
  state.facts["cache-build-key"] = build2.slot.key;
  const problems = [modules.problem, build2.problem].filter((p) => !!p);
  return {
    status: "passed",
    ...problems.length ? { reason: `went on without the cache (the verdict does not depend on it): ${problems.join("; ")}` } : {},
    findings: [],
    table: {
      header: ["Cache", "Result", "Matched key", "Restored", "Time", "Save"],
      rows: [modules, build2].map((r2) => [LABEL[r2.slot.kind], stateText(r2), r2.slot.matchedKey ?? "", formatBytes(r2.bytes), formatDuration(r2.ms), saveText(plan, r2.slot, store.savedAt ?? "end of the run")])
    },
    metrics: {
      store: store.kind,
      mode: config.cache,
      modules: modules.slot.state,
      build: build2.slot.state,
      modulesBytes: modules.bytes,
      buildBytes: build2.bytes,
      modulesMs: modules.ms,
      buildMs: build2.ms
    }
  };
}
var cacheStage = {
  name: "cache",
  rules: [],
  async run(ctx) {
    ctx.state.facts["cache-hit"] = "off";
    const why = unavailable(ctx);
    if (why) return skipped(why);
    try {
      return await restoreCaches(ctx, ctx.ports.cache);
    } catch (e) {
      const message = `cache not used: ${e instanceof Error ? e.message : String(e)}`;
      ctx.ports.log.warning(`${message}. The verdict does not depend on the cache.`);
      ctx.state.facts["cache-hit"] = "off";
      return { status: "passed", reason: message, findings: [] };
    }
  }
};
async function restoreTrivyDb(ctx, dir) {
  const { config, ports } = ctx;
  const store = ports.cache;
  if (config.cache === "off") return { dir, text: "not cached (cache: off)" };
  if (!store) return { dir, text: "not cached (no cache store)" };
  const startedAtMs = Date.now();
  const r2 = await restoreSlot(store, "trivy-db", dir, trivyDbKeys(ports.platform.os, startedAtMs), restoreDeadlineMs(ports.env), ports.log);
  const plan = parsePlan(ports.state.get(PLAN_STATE_KEY)) ?? { version: 1, mode: config.cache, store: store.kind, startedAtMs, maxBytes: config.cacheMaxSize, slots: [] };
  plan.slots = [...plan.slots.filter((s) => s.kind !== "trivy-db"), r2.slot];
  ports.state.save(PLAN_STATE_KEY, serializePlan(plan));
  const save = saveText(plan, r2.slot, store.savedAt ?? "end of the run");
  const text = r2.slot.matchedKey && r2.slot.state !== "error" ? `restored from the cache (${r2.slot.matchedKey}, ${formatBytes(r2.bytes)} in ${formatDuration(r2.ms)}); save: ${save}` : `${r2.problem ?? "no cache entry"}; save: ${save}`;
  ports.log.info(`${LABEL["trivy-db"]}: ${text}`);
  return { dir: r2.slot.dir, ...r2.slot.matchedKey && r2.slot.state !== "error" ? { matchedKey: r2.slot.matchedKey } : {}, text };
}

// src/stages/modules.ts
var import_node_fs19 = __gateBuiltin("node:fs");
var import_node_path21 = __gateBuiltin("node:path");

// src/modules/load.ts
var import_node_fs11 = __gateBuiltin("node:fs");
var import_node_path12 = __gateBuiltin("node:path");

// src/modules/errors.ts
var ModuleFileError = class extends Error {
  /** Repository-relative path, '/'-separated. */
  file;
  /** 1-based line of the offending text. */
  line;
  detail;
  constructor(file, line, detail) {
    super(`${file}:${line}: ${detail}`);
    this.name = "ModuleFileError";
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
};
function splitLines(text) {
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => l.endsWith("\r") ? l.slice(0, -1) : l);
}

// src/modules/modfile.ts
var PUNCT = /* @__PURE__ */ new Set(["(", ")", "[", "]", "{", "}", ","]);
function isWordChar(c) {
  return !PUNCT.has(c) && !/\s/.test(c) && c !== '"' && c !== "`";
}
function tokenizeLine(text, file, line) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "	") {
      i++;
      continue;
    }
    if (text.startsWith("//", i)) return { tokens, comment: text.slice(i + 2).trim() };
    if (text.startsWith("/*", i)) throw new ModuleFileError(file, line, "use // comments, not /* */ comments");
    if (PUNCT.has(c)) {
      tokens.push({ text: c, punct: true });
      i++;
      continue;
    }
    if (c === '"') {
      let j2 = i + 1;
      while (j2 < text.length && text[j2] !== '"') j2 += text[j2] === "\\" ? 2 : 1;
      if (j2 >= text.length) throw new ModuleFileError(file, line, "unterminated quoted string");
      const quoted = text.slice(i, j2 + 1);
      let value;
      try {
        value = JSON.parse(quoted);
      } catch {
        throw new ModuleFileError(file, line, `invalid quoted string ${quoted}`);
      }
      tokens.push({ text: String(value), punct: false });
      i = j2 + 1;
      continue;
    }
    if (c === "`") {
      const j2 = text.indexOf("`", i + 1);
      if (j2 < 0) throw new ModuleFileError(file, line, "unterminated raw string");
      tokens.push({ text: text.slice(i + 1, j2), punct: false });
      i = j2 + 1;
      continue;
    }
    if (!isWordChar(c)) throw new ModuleFileError(file, line, `unexpected character ${JSON.stringify(c)}`);
    let j = i;
    while (j < text.length && isWordChar(text[j]) && !text.startsWith("//", j)) j++;
    tokens.push({ text: text.slice(i, j), punct: false });
    i = j;
  }
  return { tokens, comment: "" };
}
function parseDirectives(text, file) {
  const out = [];
  const lines = splitLines(text);
  let block2;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const { tokens, comment } = tokenizeLine(lines[i], file, line);
    if (tokens.length === 0) continue;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (block2) {
      if (first.text === ")" && first.punct) {
        if (tokens.length > 1) throw new ModuleFileError(file, line, 'unexpected text after ")"');
        block2 = void 0;
        continue;
      }
      if (tokens.some((t) => t.punct && (t.text === "(" || t.text === ")"))) {
        throw new ModuleFileError(file, line, `unexpected parenthesis inside the ${block2.verb} block opened at line ${block2.line}`);
      }
      out.push({ verb: block2.verb, args: tokens.map((t) => t.text), line, comment });
      continue;
    }
    if (first.punct) throw new ModuleFileError(file, line, `unexpected "${first.text}" at the start of a directive`);
    if (last.punct && last.text === "(") {
      if (tokens.length !== 2) throw new ModuleFileError(file, line, `a block must be written "${first.text} (" on its own line`);
      block2 = { verb: first.text, line };
      continue;
    }
    if (tokens.length === 3 && tokens[1].text === "(" && tokens[2].text === ")") continue;
    if (tokens.slice(1).some((t) => t.punct && (t.text === "(" || t.text === ")"))) {
      throw new ModuleFileError(file, line, "unexpected parenthesis");
    }
    out.push({ verb: first.text, args: tokens.slice(1).map((t) => t.text), line, comment });
  }
  if (block2) throw new ModuleFileError(file, block2.line, `the ${block2.verb} block opened here is never closed with ")"`);
  return out;
}
var SEMVER = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+incompatible)?$/;
function isModuleVersion(v) {
  return SEMVER.test(v);
}
var MODULE_PATH = /^[A-Za-z0-9._~+\-/!]+$/;
function isModulePath(p) {
  return MODULE_PATH.test(p) && !p.startsWith("/") && !p.endsWith("/") && !p.includes("//") && !p.startsWith("-");
}
function isLocalPath(p) {
  return p.startsWith("./") || p.startsWith("../") || p === "." || p === ".." || p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith(".\\") || p.startsWith("..\\");
}
var GO_VERSION2 = /^[1-9]\d*(\.(0|[1-9]\d*)){0,2}((rc|beta)[1-9]\d*)?$/;
function isGoVersion2(v) {
  return GO_VERSION2.test(v) && v.split(/\.|rc|beta/).every((n) => Number.isSafeInteger(Number(n)));
}
function parseReplace(d, file) {
  const arrow = d.args.indexOf("=>");
  const bad = (why) => new ModuleFileError(file, d.line, `replace ${d.args.join(" ")}: ${why}`);
  if (arrow !== 1 && arrow !== 2) throw bad('expected "old [version] => new [version]"');
  const left = d.args.slice(0, arrow);
  const right = d.args.slice(arrow + 1);
  if (right.length !== 1 && right.length !== 2) throw bad('expected "old [version] => new [version]"');
  if (!isModulePath(left[0])) throw bad(`"${left[0]}" is not a module path`);
  if (left[1] !== void 0 && !isModuleVersion(left[1])) throw bad(`"${left[1]}" is not a version of the form v1.2.3`);
  const local = right.length === 1;
  if (local && !isLocalPath(right[0])) throw bad(`a replacement without a version must be a directory path starting with ./ or ../ or /, not "${right[0]}"`);
  if (!local && !isModulePath(right[0])) throw bad(`"${right[0]}" is not a module path`);
  if (!local && !isModuleVersion(right[1])) throw bad(`"${right[1]}" is not a version of the form v1.2.3`);
  return { old: { path: left[0], version: left[1] ?? "" }, new: { path: right[0], version: right[1] ?? "" }, local, line: d.line };
}

// src/modules/gomod.ts
var KNOWN = /* @__PURE__ */ new Set(["module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"]);
function expectArgs(d, file, n, shape) {
  if (d.args.length !== n) throw new ModuleFileError(file, d.line, `${d.verb}: expected "${d.verb} ${shape}", found ${d.args.length ? `"${d.args.join(" ")}"` : "nothing"}`);
}
function modulePathAndVersion(d, file) {
  expectArgs(d, file, 2, "module/path v1.2.3");
  const [path41, version] = d.args;
  if (!isModulePath(path41)) throw new ModuleFileError(file, d.line, `${d.verb}: "${path41}" is not a module path`);
  if (!isModuleVersion(version)) throw new ModuleFileError(file, d.line, `${d.verb} ${path41}: version "${version}" is not of the form v1.2.3`);
  return { path: path41, version };
}
function isIndirect(comment) {
  return /^indirect(;|$)/.test(comment.trim());
}
function parseGoMod(text, file) {
  const mod = { file, requires: [], replaces: [], excludes: [] };
  for (const d of parseDirectives(text, file)) {
    if (!KNOWN.has(d.verb)) throw new ModuleFileError(file, d.line, `unknown directive "${d.verb}"`);
    switch (d.verb) {
      case "module": {
        if (mod.module) throw new ModuleFileError(file, d.line, `second module directive (the first is at line ${mod.module.line})`);
        expectArgs(d, file, 1, "module/path");
        if (!isModulePath(d.args[0])) throw new ModuleFileError(file, d.line, `module: "${d.args[0]}" is not a module path`);
        mod.module = { path: d.args[0], line: d.line };
        break;
      }
      case "go": {
        if (mod.go) throw new ModuleFileError(file, d.line, `second go directive (the first is at line ${mod.go.line})`);
        expectArgs(d, file, 1, "1.N");
        if (!isGoVersion2(d.args[0])) throw new ModuleFileError(file, d.line, `go: "${d.args[0]}" is not a Go version like 1.22 or 1.22.3`);
        mod.go = { version: d.args[0], line: d.line };
        break;
      }
      case "toolchain": {
        expectArgs(d, file, 1, "go1.N.M");
        if (!/^(default|go[1-9][0-9A-Za-z.+-]*)$/.test(d.args[0])) throw new ModuleFileError(file, d.line, `toolchain: "${d.args[0]}" is not a toolchain name like go1.22.3`);
        mod.toolchain = { name: d.args[0], line: d.line };
        break;
      }
      case "require":
        mod.requires.push({ ...modulePathAndVersion(d, file), indirect: isIndirect(d.comment), line: d.line });
        break;
      case "exclude":
        mod.excludes.push({ ...modulePathAndVersion(d, file), line: d.line });
        break;
      case "replace":
        mod.replaces.push(parseReplace(d, file));
        break;
      default:
        if (d.args.length === 0) throw new ModuleFileError(file, d.line, `${d.verb}: missing argument`);
    }
  }
  if (!mod.module) throw new ModuleFileError(file, 1, 'no module directive (expected "module example.com/name")');
  return mod;
}
function replacementFor(replaces, path41, version) {
  return replaces.find((r2) => r2.old.path === path41 && r2.old.version === version) ?? replaces.find((r2) => r2.old.path === path41 && r2.old.version === "");
}

// src/modules/gowork.ts
var KNOWN2 = /* @__PURE__ */ new Set(["go", "toolchain", "godebug", "use", "replace"]);
function parseGoWork(text, file) {
  const work = { file, uses: [], replaces: [] };
  for (const d of parseDirectives(text, file)) {
    if (!KNOWN2.has(d.verb)) throw new ModuleFileError(file, d.line, `unknown directive "${d.verb}"`);
    if (d.verb === "go") {
      if (d.args.length !== 1 || !isGoVersion2(d.args[0])) throw new ModuleFileError(file, d.line, `go: expected a Go version like 1.22, found "${d.args.join(" ")}"`);
      if (work.go) throw new ModuleFileError(file, d.line, `second go directive (the first is at line ${work.go.line})`);
      work.go = { version: d.args[0], line: d.line };
    } else if (d.verb === "use") {
      if (d.args.length !== 1) throw new ModuleFileError(file, d.line, `use: expected one directory, found "${d.args.join(" ")}"`);
      work.uses.push({ dir: d.args[0], line: d.line });
    } else if (d.verb === "replace") {
      work.replaces.push(parseReplace(d, file));
    } else if (d.args.length === 0) {
      throw new ModuleFileError(file, d.line, `${d.verb}: missing argument`);
    }
  }
  return work;
}

// src/modules/gosum.ts
var H1 = /^h1:[A-Za-z0-9+/]{43}=$/;
var OTHER_HASH = /^h([2-9]|[1-9]\d+):[A-Za-z0-9+/]+={0,2}$/;
function parseGoSum(text, file) {
  const lines = [];
  splitLines(text).forEach((raw2, i) => {
    const line = i + 1;
    const f = raw2.trim().split(/\s+/).filter((s) => s !== "");
    if (f.length === 0) return;
    if (f.length !== 3) throw new ModuleFileError(file, line, `expected "module version hash", found ${f.length} field${f.length === 1 ? "" : "s"}`);
    const [path41, rawVersion, hash] = f;
    const goMod = rawVersion.endsWith("/go.mod");
    const version = goMod ? rawVersion.slice(0, -"/go.mod".length) : rawVersion;
    if (!isModulePath(path41)) throw new ModuleFileError(file, line, `"${path41}" is not a module path`);
    if (!isModuleVersion(version)) throw new ModuleFileError(file, line, `"${rawVersion}" is not a version of the form v1.2.3 or v1.2.3/go.mod`);
    if (!H1.test(hash) && !(OTHER_HASH.test(hash) && !hash.startsWith("h1:"))) {
      throw new ModuleFileError(file, line, `"${hash}" is not a hash of the form h1:<44 base64 characters>`);
    }
    lines.push({ path: path41, version, goMod, hash, line });
  });
  return { file, lines };
}
function sumKey(path41, version, goMod) {
  return `${path41} ${version}${goMod ? "/go.mod" : ""}`;
}
function indexSums(sums) {
  const index = /* @__PURE__ */ new Map();
  for (const sum of sums) {
    for (const entry of sum.lines) {
      const key = sumKey(entry.path, entry.version, entry.goMod);
      const list3 = index.get(key) ?? [];
      list3.push({ sum, entry });
      index.set(key, list3);
    }
  }
  return index;
}
function findSumConflicts(sums) {
  const out = [];
  for (const list3 of indexSums(sums).values()) {
    const h1 = list3.filter((x) => x.entry.hash.startsWith("h1:"));
    for (let i = 1; i < h1.length; i++) {
      if (h1[i].entry.hash !== h1[0].entry.hash) {
        out.push({ first: { file: h1[0].sum.file, entry: h1[0].entry }, second: { file: h1[i].sum.file, entry: h1[i].entry } });
      }
    }
  }
  return out;
}

// src/modules/modulestxt.ts
function parseHeader(fields, file, line) {
  const bad = (why) => new ModuleFileError(file, line, `module line "${fields.join(" ")}": ${why}`);
  if (fields.length < 3) throw bad('expected "# module/path v1.2.3"');
  const path41 = fields[1];
  if (!isModulePath(path41)) throw bad(`"${path41}" is not a module path`);
  let rest = fields.slice(2);
  let version = "";
  if (rest[0] !== "=>") {
    if (!isModuleVersion(rest[0])) throw bad(`"${rest[0]}" is not a version of the form v1.2.3`);
    version = rest[0];
    rest = rest.slice(1);
  }
  if (rest.length === 0) {
    if (version === "") throw bad('expected a version or "=> replacement"');
    return { path: path41, version, line };
  }
  if (rest[0] !== "=>" || rest.length < 2 || rest.length > 3) throw bad('expected "=> replacement [version]" after the version');
  const [, newPath, newVersion] = rest;
  if (newVersion === void 0) {
    if (!isLocalPath(newPath)) throw bad(`a replacement without a version must be a directory path, not "${newPath}"`);
  } else {
    if (!isModulePath(newPath)) throw bad(`"${newPath}" is not a module path`);
    if (!isModuleVersion(newVersion)) throw bad(`"${newVersion}" is not a version of the form v1.2.3`);
  }
  return { path: path41, version, replacement: { path: newPath, version: newVersion ?? "" }, line };
}
function parseModulesTxt(text, file) {
  const txt = { file, workspace: false, modules: [] };
  let current;
  splitLines(text).forEach((raw2, i) => {
    const line = i + 1;
    if (raw2.trim() === "") return;
    if (raw2.startsWith("## ")) {
      const annotation = raw2.slice(3).trim();
      if (annotation === "workspace" && line === 1) {
        txt.workspace = true;
        return;
      }
      if (!current) throw new ModuleFileError(file, line, `annotation "${raw2}" before any "# module version" line`);
      current.annotationLines.push(line);
      for (const entry of annotation.split(";").map((s) => s.trim())) {
        if (entry === "explicit") current.explicit = true;
        else if (entry.startsWith("go ")) current.goVersion = entry.slice(3).trim();
      }
      return;
    }
    if (raw2.startsWith("#")) {
      const fields2 = raw2.trim().split(/\s+/);
      if (fields2[0] !== "#") throw new ModuleFileError(file, line, `expected "# module/path v1.2.3" or "## annotation", found "${raw2}"`);
      current = { ...parseHeader(fields2, file, line), explicit: false, annotationLines: [], packages: [] };
      txt.modules.push(current);
      return;
    }
    const fields = raw2.trim().split(/\s+/);
    if (fields.length !== 1 || !isModulePath(fields[0])) throw new ModuleFileError(file, line, `expected one package import path, found "${raw2}"`);
    if (!current) throw new ModuleFileError(file, line, `package "${fields[0]}" listed before any "# module version" line`);
    if (current.version === "") throw new ModuleFileError(file, line, `package "${fields[0]}" listed under the wildcard replacement at line ${current.line}, which vendors nothing`);
    current.packages.push({ path: fields[0], line });
  });
  return txt;
}
function vendoredModule(txt, path41, version) {
  return txt.modules.find((m) => m.path === path41 && m.version === version);
}
function packageLineFor(txt, vendorPath) {
  const dir = vendorPath.includes("/") ? vendorPath.slice(0, vendorPath.lastIndexOf("/")) : "";
  let best;
  for (const m of txt.modules) {
    for (const p of m.packages) if (p.path === dir) return p.line;
    if (m.version !== "" && (dir === m.path || dir.startsWith(`${m.path}/`)) && (!best || m.path.length > best.len)) {
      best = { line: m.line, len: m.path.length };
    }
  }
  return best?.line;
}

// src/modules/load.ts
function relativeTo(root, abs) {
  const rel = import_node_path12.default.relative(root, abs).split(import_node_path12.default.sep).join("/");
  return rel === "" ? "." : rel;
}
async function readIfExists(file) {
  try {
    return await import_node_fs11.default.promises.readFile(file);
  } catch (e) {
    const code2 = e.code;
    if (code2 === "ENOENT" || code2 === "ENOTDIR") return void 0;
    throw e;
  }
}
async function isDirectory(p) {
  try {
    return (await import_node_fs11.default.promises.stat(p)).isDirectory();
  } catch {
    return false;
  }
}
async function loadModuleSetup(dir, workFile, root) {
  const errors = [];
  const contents = /* @__PURE__ */ new Map();
  const rel = (abs) => relativeTo(root, abs);
  const parse = (fn) => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ModuleFileError) {
        errors.push(e);
        return void 0;
      }
      throw e;
    }
  };
  const read2 = async (abs) => {
    const data = await readIfExists(abs);
    if (data) contents.set(abs, data);
    return data;
  };
  let work;
  const moduleDirs = [];
  if (workFile) {
    const data = await read2(workFile);
    if (!data) {
      errors.push(new ModuleFileError(rel(workFile), 1, "go.work named by GOWORK does not exist"));
      return { errors };
    }
    const gowork = parse(() => parseGoWork(data.toString("utf8"), rel(workFile)));
    if (gowork) {
      work = { gowork, dir: import_node_path12.default.dirname(workFile) };
      for (const u of gowork.uses) moduleDirs.push(import_node_path12.default.resolve(work.dir, u.dir));
    }
  } else {
    moduleDirs.push(dir);
  }
  const mains = [];
  const sums = [];
  for (const modDir of moduleDirs) {
    const goModPath = import_node_path12.default.join(modDir, "go.mod");
    const data = await read2(goModPath);
    if (!data) {
      errors.push(new ModuleFileError(rel(goModPath), 1, workFile ? `go.work uses ${rel(modDir)}, which has no go.mod` : `no go.mod in ${rel(modDir)}`));
      continue;
    }
    const gomod = parse(() => parseGoMod(data.toString("utf8"), rel(goModPath)));
    if (gomod) mains.push({ gomod, dir: modDir });
    const sumPath = import_node_path12.default.join(modDir, "go.sum");
    const sumData = await read2(sumPath);
    const sum = sumData ? parse(() => parseGoSum(sumData.toString("utf8"), rel(sumPath))) : { file: rel(sumPath), lines: [] };
    if (sum) sums.push(sum);
  }
  if (work) {
    const workSumPath = import_node_path12.default.join(work.dir, "go.work.sum");
    const data = await read2(workSumPath);
    if (data) {
      const sum = parse(() => parseGoSum(data.toString("utf8"), rel(workSumPath)));
      if (sum) sums.push(sum);
    }
  }
  const vendorDir = import_node_path12.default.join(work ? work.dir : dir, "vendor");
  const hasVendor = await isDirectory(vendorDir);
  let txt;
  if (hasVendor) {
    const txtPath = import_node_path12.default.join(vendorDir, "modules.txt");
    const data = await read2(txtPath);
    if (data) txt = parse(() => parseModulesTxt(data.toString("utf8"), rel(txtPath)));
  }
  if (errors.length) return { errors };
  const main2 = mains.find((m) => import_node_path12.default.resolve(m.dir) === import_node_path12.default.resolve(dir));
  return { setup: { main: main2, mains, work, sums, vendorDir, hasVendor, txt, contents }, errors };
}

// src/modules/locate.ts
function locator(setup) {
  const mains = setup.main ? [setup.main, ...setup.mains.filter((m) => m !== setup.main)] : setup.mains;
  const index = indexSums(setup.sums);
  const l = {
    require(path41) {
      for (const { gomod } of mains) {
        const r2 = gomod.requires.find((x) => x.path === path41);
        if (!r2) continue;
        const workRep = setup.work ? replacementFor(setup.work.gowork.replaces, path41, r2.version) : void 0;
        if (workRep) return { file: setup.work.gowork.file, line: workRep.line };
        const rep = replacementFor(gomod.replaces, path41, r2.version);
        if (rep) return { file: gomod.file, line: rep.line };
        return { file: gomod.file, line: r2.line };
      }
      for (const { gomod } of mains) {
        const r2 = gomod.replaces.find((x) => x.new.path === path41);
        if (r2) return { file: gomod.file, line: r2.line };
      }
      return void 0;
    },
    sums(path41, version, goMod) {
      return (index.get(sumKey(path41, version, goMod)) ?? []).map(({ sum, entry }) => ({ file: sum.file, entry }));
    },
    vendored(path41) {
      const vm = setup.txt?.modules.find((m) => m.path === path41 && m.version !== "");
      return vm && setup.txt ? { file: setup.txt.file, line: vm.line } : void 0;
    },
    build() {
      if (mains[0]) return { file: mains[0].gomod.file, line: mains[0].gomod.module.line };
      return { file: setup.work.gowork.file, line: 1 };
    },
    module(path41) {
      return l.require(path41) ?? l.vendored(path41) ?? l.build();
    }
  };
  return l;
}
function where2(loc) {
  return loc.line ? `${loc.file}:${loc.line}` : loc.file ?? loc.artifact ?? "";
}

// src/modules/settings.ts
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "\\") {
      i++;
      if (i >= glob.length) return void 0;
      re += glob[i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) return void 0;
      const cls = glob.slice(i + 1, end);
      re += `[${cls.replace(/\\/g, "\\\\")}]`;
      i = end;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return void 0;
  }
}
function matchesPrefixPattern(pattern, modulePath) {
  const p = pattern.replace(/\/+$/, "");
  if (p === "") return false;
  const n = p.split("/").length;
  const elems = modulePath.split("/");
  if (elems.length < n) return false;
  const re = globToRegExp(p);
  return re !== void 0 && re.test(elems.slice(0, n).join("/"));
}
function splitPatterns(list3) {
  return list3.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
var PUBLIC_EXAMPLES = [
  "github.com/any-owner/any-repo",
  "gitlab.com/any-owner/any-repo",
  "bitbucket.org/any-owner/any-repo",
  "codeberg.org/any-owner/any-repo",
  "golang.org/x/text",
  "google.golang.org/grpc",
  "google.golang.org/protobuf",
  "cloud.google.com/go",
  "gopkg.in/yaml.v3",
  "k8s.io/client-go",
  "sigs.k8s.io/yaml",
  "go.uber.org/zap",
  "go.opentelemetry.io/otel",
  "go.etcd.io/etcd",
  "honnef.co/go/tools",
  "mvdan.cc/sh",
  "rsc.io/quote",
  "modernc.org/sqlite",
  "gonum.org/v1/gonum",
  "gotest.tools"
];
function publicPathsCovered(pattern) {
  return PUBLIC_EXAMPLES.filter((p) => matchesPrefixPattern(pattern, p));
}
function describeCoverage(pattern, modules) {
  const covered = publicPathsCovered(pattern).map((p) => p.includes("any-owner") ? `${p.split("/")[0]}/...` : p);
  const deps = modules.filter((m) => matchesPrefixPattern(pattern, m));
  const parts = [`pattern "${pattern}" covers public modules (${covered.slice(0, 3).join(", ")}${covered.length > 3 ? ", ..." : ""})`];
  if (deps.length) parts.push(`including ${deps.length} of this build: ${deps.slice(0, 5).join(", ")}${deps.length > 5 ? ", ..." : ""}`);
  return parts.join(", ");
}
function goFlags(value) {
  const flags = /* @__PURE__ */ new Map();
  for (const raw2 of value.split(/\s+/).filter((s) => s !== "")) {
    const f = raw2.replace(/^--?/, "");
    const eq = f.indexOf("=");
    flags.set(eq < 0 ? f : f.slice(0, eq), eq < 0 ? "true" : f.slice(eq + 1));
  }
  return flags;
}
var BUILD_REDIRECTS = {
  toolexec: "every compiler, assembler and linker call runs through that program, which can change the binaries without any change to the source",
  overlay: "the build reads the files that overlay names instead of the committed source files"
};
function analyzeSettings(s, opts) {
  const out = [];
  const flags = goFlags(s.GOFLAGS);
  for (const [flag, effect] of Object.entries(BUILD_REDIRECTS)) {
    if (!flags.has(flag)) continue;
    const from = opts.goflagsFrom ? ` (from ${opts.goflagsFrom})` : "";
    out.push({
      setting: "GOFLAGS",
      severity: opts.release ? "error" : "warning",
      aboutVendor: false,
      subject: `GOFLAGS -${flag}`,
      message: `GOFLAGS="${s.GOFLAGS}"${from} sets -${flag}=${flags.get(flag)}: ${effect}${opts.release ? "; a release is never built this way" : ""}`
    });
  }
  const mod = flags.get("mod");
  if (mod === "mod") {
    out.push(
      opts.hasVendor ? { setting: "GOFLAGS", severity: "warning", aboutVendor: true, subject: "GOFLAGS -mod=mod vendor", message: `GOFLAGS="${s.GOFLAGS}" sets -mod=mod: go commands ignore the vendor directory and fetch modules instead, so what is built is not what vendor/ holds (the gate's own build passes -mod=vendor)` } : { setting: "GOFLAGS", severity: "warning", aboutVendor: false, subject: "GOFLAGS -mod=mod", message: `GOFLAGS="${s.GOFLAGS}" sets -mod=mod: go commands may rewrite go.mod and add missing go.sum lines from the network instead of failing` }
    );
  }
  if (flags.has("insecure")) {
    out.push({ setting: "GOFLAGS", severity: "warning", aboutVendor: false, subject: "GOFLAGS -insecure", message: `GOFLAGS="${s.GOFLAGS}" sets -insecure, which asked older go commands to fetch over HTTP and skip certificate checks (use GOINSECURE patterns if a host really needs it)` });
  }
  if (flags.has("modcacherw") && flags.get("modcacherw") !== "false") {
    out.push({ setting: "GOFLAGS", severity: "note", aboutVendor: false, subject: "GOFLAGS -modcacherw", message: `GOFLAGS="${s.GOFLAGS}" sets -modcacherw: the module cache is left writable, so a module's files can be changed after they were verified (the gate's module tree check catches it, a build does not)` });
  }
  if (s.GOSUMDB.trim() === "off") {
    out.push({ setting: "GOSUMDB", severity: "warning", aboutVendor: false, subject: "GOSUMDB off", message: "GOSUMDB=off: modules not yet in go.sum are accepted without checking the checksum database, so a first download of a tampered version is trusted" });
  }
  const sumdbSetting = s.GONOSUMDB.trim() !== "" ? "GONOSUMDB" : "GOPRIVATE";
  for (const pattern of splitPatterns(s[sumdbSetting])) {
    if (publicPathsCovered(pattern).length === 0) continue;
    out.push({ setting: sumdbSetting, severity: "warning", aboutVendor: false, subject: `${sumdbSetting} ${pattern}`, message: `${sumdbSetting}: ${describeCoverage(pattern, opts.modules)}; those modules are never checked against the checksum database` });
  }
  if (sumdbSetting === "GONOSUMDB") {
    for (const pattern of splitPatterns(s.GOPRIVATE)) {
      if (publicPathsCovered(pattern).length === 0) continue;
      out.push({ setting: "GOPRIVATE", severity: "warning", aboutVendor: false, subject: `GOPRIVATE ${pattern}`, message: `GOPRIVATE: ${describeCoverage(pattern, opts.modules)}; those modules bypass the module proxy and are fetched straight from their origin` });
    }
  }
  for (const pattern of splitPatterns(s.GOINSECURE)) {
    const covered = publicPathsCovered(pattern).length > 0;
    out.push({
      setting: "GOINSECURE",
      severity: "warning",
      aboutVendor: false,
      subject: `GOINSECURE ${pattern}`,
      message: `GOINSECURE: modules matching "${pattern}" may be fetched over plain HTTP or with unverified certificates${covered ? `; the ${describeCoverage(pattern, opts.modules)}` : ""}`
    });
  }
  if (s.GONOSUMCHECK.trim() !== "") {
    out.push({ setting: "GONOSUMCHECK", severity: "note", aboutVendor: false, subject: "GONOSUMCHECK", message: `GONOSUMCHECK="${s.GONOSUMCHECK}" is set to skip checksum checks; this go command does not read it (GONOSUMDB and GOPRIVATE are what it reads), so nothing is skipped here, but a build configured this way elsewhere may rely on it` });
  }
  return out;
}

// src/modules/replaces.ts
var import_node_fs12 = __gateBuiltin("node:fs");
var import_node_path13 = __gateBuiltin("node:path");

// src/modules/rules.ts
var VERIFY_FAILED = rule({
  id: "modules/verify-failed",
  name: "ModuleVerifyFailed",
  shortDescription: "A module could not be verified against go.sum.",
  fullDescription: "A module tree in the module cache no longer hashes to what was downloaded (the gate hashes every extracted tree it builds from, as go.sum records it, against the hash the cache kept at download, which the go.sum check compares with go.sum; outside a release, a tree whose every file has the inode, size, mtime and ctime it had when an earlier run hashed it takes the hash that run recorded; go mod verify, zips included, when a module has no extracted tree), or a go command the check depends on failed (module download, vendor regeneration). A module that cannot be verified is treated as unverified: the gate does not pass.",
  help: 'For "dir has been modified" or "zip has been modified": the module cache was changed after download; clear it (go clean -modcache) and run again, then find out what changed it. For a failed go command: read the command output in the details; a network or proxy failure needs the module cache restored or the proxy reachable.',
  defaultSeverity: "error",
  securitySeverity: 8
});
var VENDOR_MODIFIED = rule({
  id: "modules/vendor-modified",
  name: "VendoredFileModified",
  shortDescription: "A vendored file differs from what go mod vendor produces.",
  fullDescription: "A file under vendor/ is not byte-identical to the file `go mod vendor` writes from the modules at their go.sum hashes (or from the local directory of a replace). The build would compile code that no go.sum line vouches for.",
  help: "Run `go mod vendor` (or `go work vendor` in a workspace) and commit the result. If the change was intended, make it upstream or in a fork and point a replace directive at it.",
  defaultSeverity: "error",
  securitySeverity: 8
});
var VENDOR_ADDED = rule({
  id: "modules/vendor-added",
  name: "VendoredFileAdded",
  shortDescription: "vendor/ holds a file go mod vendor would not write.",
  fullDescription: "A file exists under vendor/ that `go mod vendor` does not produce from go.mod and go.sum. Extra files can be compiled into the build (an extra .go file in a vendored package) or hide content from review.",
  help: "Run `go mod vendor` (or `go work vendor`) and commit the result; it removes files that do not belong there.",
  defaultSeverity: "error",
  securitySeverity: 8
});
var VENDOR_REMOVED = rule({
  id: "modules/vendor-removed",
  name: "VendoredFileRemoved",
  shortDescription: "A file go mod vendor writes is missing from vendor/.",
  fullDescription: "A file that `go mod vendor` writes from the modules at their go.sum hashes is missing from vendor/. The build then differs from the verified module (a removed file can change behaviour as much as an edited one).",
  help: "Run `go mod vendor` (or `go work vendor`) and commit the result.",
  defaultSeverity: "error",
  securitySeverity: 6.5
});
var VENDOR_MODULES_TXT = rule({
  id: "modules/vendor-modules-txt",
  name: "VendorModulesTxtDrift",
  shortDescription: "vendor/modules.txt disagrees with go.mod.",
  fullDescription: 'vendor/modules.txt does not say what go.mod (and go.work) say: a version differs, an "## explicit" marker is missing or extra, a replacement differs, or a line differs from the one `go mod vendor` writes. A -mod=vendor build trusts this file to describe the vendored code.',
  help: "Run `go mod vendor` (or `go work vendor`) and commit the result; never edit vendor/modules.txt by hand.",
  defaultSeverity: "error",
  securitySeverity: 7
});
var MISSING_SUM = rule({
  id: "modules/missing-sum",
  name: "MissingGoSumEntry",
  shortDescription: "go.sum has no hash for a required module.",
  fullDescription: "A module that the build needs has no `h1:` line (hash of its files) or no `/go.mod` line (hash of its go.mod) in go.sum. Nothing then pins its content: a -mod=vendor build does not notice, and other builds fetch and trust whatever the proxy serves.",
  help: "Run `go mod tidy` (or `go mod download <module>`) with the checksum database enabled and commit go.sum.",
  defaultSeverity: "error",
  securitySeverity: 6
});
var SUM_MISMATCH = rule({
  id: "modules/sum-mismatch",
  name: "GoSumMismatch",
  shortDescription: "A go.sum hash does not match the module.",
  fullDescription: "A hash in go.sum differs from the hash of the module as downloaded and verified (or two go.sum lines disagree about one module version). Either go.sum was edited or the module content changed after it was first published; both mean the source is not what go.sum says.",
  help: 'Do not "fix" this by replacing the hash. Find out which side changed: compare with the checksum database (https://sum.golang.org/lookup/<module>@<version>), then restore go.sum from a trusted commit and run `go mod download` again.',
  defaultSeverity: "error",
  securitySeverity: 9
});
var NOT_TIDY = rule({
  id: "modules/not-tidy",
  name: "ModuleNotTidy",
  shortDescription: "go.mod or go.sum differ from `go mod tidy`.",
  fullDescription: "`go mod tidy -diff` reports lines it would add to or remove from go.mod or go.sum. Untidy files hide which modules the build really uses. A warning unless require-tidy is true. A module found tidy is recorded in GOCACHE under a key of every input of that answer (go.mod, go.sum, the imports and build constraints of its Go files, the go command and its module settings), and a run with the same key reuses it.",
  help: "Run `go mod tidy` and commit go.mod and go.sum. Set `require-tidy: true` to make this an error.",
  defaultSeverity: "warning"
});
var WEAK_VERIFICATION = rule({
  id: "modules/weak-verification",
  name: "WeakModuleVerification",
  shortDescription: "A setting weakens module verification.",
  fullDescription: "An environment or `go env -w` setting makes the go command check less: GOFLAGS=-mod=mod with a vendor directory, GONOSUMDB or GOPRIVATE patterns that cover public modules, GOSUMDB=off, GOINSECURE; or lets something other than the committed source decide what is compiled: -toolexec or -overlay in GOFLAGS (from the environment or the go env file), an error in release mode. Builds elsewhere with the same settings trust more than go.sum proves.",
  help: "Narrow GONOSUMDB / GOPRIVATE to your private module paths (e.g. github.com/your-org/*), leave GOSUMDB at its default, drop -mod=mod from GOFLAGS when you vendor, remove -toolexec and -overlay from GOFLAGS (go env -u GOFLAGS for the go env file), and remove GOINSECURE unless a private host truly lacks TLS.",
  defaultSeverity: "warning",
  securitySeverity: 5
});
var MALFORMED_FILE = rule({
  id: "modules/malformed-file",
  name: "MalformedModuleFile",
  shortDescription: "go.mod, go.work, go.sum or vendor/modules.txt cannot be read.",
  fullDescription: "A module file does not follow the syntax the go command writes. The gate cannot prove anything about a file it cannot read, so it fails closed instead of skipping the checks that depend on it.",
  help: "Fix the line named in the message (the go command can usually rewrite the file: `go mod tidy`, `go mod vendor`), or restore the file from a trusted commit.",
  defaultSeverity: "error",
  securitySeverity: 5
});
var REPLACE_OUTSIDE = rule({
  id: "modules/replace-outside-workspace",
  name: "ReplaceOutsideWorkspace",
  shortDescription: "A replace directive points at a directory outside the workspace.",
  fullDescription: "A directory replacement in go.mod or go.work (replace example.com/lib => ../../somewhere) resolves, after following symlinks, to a directory outside the checked-out repository. The build would compile code that is not part of the repository, that was not reviewed with it and that no go.sum line vouches for.",
  help: "Vendor the replaced module into the repository (a directory inside it) or replace it with a published version (replace example.com/lib => example.com/fork v1.2.3).",
  defaultSeverity: "error",
  securitySeverity: 7
});
var MODULES_RULES = [VERIFY_FAILED, VENDOR_MODIFIED, VENDOR_ADDED, VENDOR_REMOVED, VENDOR_MODULES_TXT, MISSING_SUM, SUM_MISMATCH, NOT_TIDY, WEAK_VERIFICATION, MALFORMED_FILE, REPLACE_OUTSIDE];

// src/modules/replaces.ts
function realpathish(p) {
  const rest = [];
  let cur = p;
  for (let i = 0; i < 256; i++) {
    try {
      return import_node_path13.default.join(import_node_fs12.default.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = import_node_path13.default.dirname(cur);
      if (parent === cur) break;
      rest.push(import_node_path13.default.basename(cur));
      cur = parent;
    }
  }
  return p;
}
function inside(root, p) {
  const rel = import_node_path13.default.relative(root, p);
  return rel === "" || !rel.startsWith("..") && !import_node_path13.default.isAbsolute(rel);
}
function replacesOutsideWorkspace(setup, workspace) {
  const root = realpathish(workspace);
  const files = setup.mains.map((m) => ({ file: m.gomod.file, dir: m.dir, replaces: m.gomod.replaces }));
  if (setup.work) files.push({ file: setup.work.gowork.file, dir: setup.work.dir, replaces: setup.work.gowork.replaces });
  const out = [];
  for (const f of files) {
    for (const r2 of f.replaces) {
      if (!r2.local) continue;
      const target = realpathish(import_node_path13.default.resolve(f.dir, r2.new.path));
      if (inside(root, target)) continue;
      out.push(
        finding(REPLACE_OUTSIDE, "modules", {
          message: `replace ${r2.old.path}${r2.old.version ? ` ${r2.old.version}` : ""} => ${r2.new.path} points outside the workspace (to ${target}): the build would compile code that is not in the repository and that no go.sum line vouches for`,
          location: { file: f.file, line: r2.line },
          subject: `${f.file} replace ${r2.old.path} => ${r2.new.path}`
        })
      );
    }
  }
  return out;
}

// src/modules/gooutput.ts
var VERIFY_LINE = /^(\S+) (v\S+): (.+)$/;
var MISMATCH = /verifying (\S+?)@(v[^\s:]+?)(\/go\.mod)?: checksum mismatch\s*\n\s*downloaded:\s*(\S+)\s*\n\s*([^:\n]+):\s*(\S+)/g;
var SUMDB_MISMATCH = /(\S+?)@(v\S+?): verifying (module|go\.mod): checksum mismatch\s*\n\s*downloaded:\s*(\S+)\s*\n\s*([^:\n]+):\s*(\S+)/g;
var MISSING_GOMOD = /(\S+?)@(v\S+?): missing go\.sum entry for go\.mod file/g;
var MISSING_PKG = /missing go\.sum entry (?:for module providing package|needed to verify package) (\S+)/g;
var NOISE = /^(SECURITY ERROR|This download does NOT match|The bits may have been replaced|have intercepted the download|For more information, see|\s*(downloaded|go\.sum|go\.work\.sum):|\s*go (get|mod download)|\s*To |\s*\(Use -mod)/;
function parseGoProblems(output) {
  const result = { verify: [], mismatches: [], missing: [], other: [] };
  for (const m of output.matchAll(MISMATCH)) {
    result.mismatches.push({ path: m[1], version: m[2], goMod: m[3] !== void 0, downloaded: m[4], source: m[5].trim(), recorded: m[6] });
  }
  for (const m of output.matchAll(SUMDB_MISMATCH)) {
    result.mismatches.push({ path: m[1], version: m[2], goMod: m[3] === "go.mod", downloaded: m[4], source: m[5].trim(), recorded: m[6] });
  }
  for (const m of output.matchAll(MISSING_GOMOD)) result.missing.push({ path: m[1], version: m[2], goMod: true });
  for (const m of output.matchAll(MISSING_PKG)) result.missing.push({ pkg: m[1], goMod: false });
  for (const raw2 of output.split("\n")) {
    const line = raw2.trimEnd();
    if (line.trim() === "" || line === "all modules verified" || NOISE.test(line)) continue;
    if (/checksum mismatch|missing go\.sum entry/.test(line)) continue;
    const v = VERIFY_LINE.exec(line);
    if (v && !line.startsWith("go: ")) {
      result.verify.push({ path: v[1], version: v[2], problem: v[3] });
      continue;
    }
    result.other.push(line);
  }
  return result;
}
function parseDownloadJson(stdout) {
  return objectsOf(stdout).flatMap((o) => {
    if (!o.Path) return [];
    const m = { path: o.Path, version: o.Version ?? "" };
    if (o.Sum) m.sum = o.Sum;
    if (o.GoModSum) m.goModSum = o.GoModSum;
    if (o.Dir) m.dir = o.Dir;
    if (o.Zip) m.zip = o.Zip;
    if (o.Error) m.error = o.Error;
    return [m];
  });
}
function objectsOf(stdout) {
  const text = stdout.trim();
  if (text === "") return [];
  if (text.startsWith("{") && text.endsWith("}")) {
    try {
      const all = JSON.parse(`[${text.replace(/^\}\n\{$/gm, "},{")}]`);
      if (all.every((o) => typeof o === "object" && o !== null && !Array.isArray(o))) return all;
    } catch {
    }
  }
  return scanObjects(stdout);
}
function scanObjects(stdout) {
  const out = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < stdout.length; i++) {
    const c = stdout[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (c === "}") {
      depth--;
      if (depth === 0) {
        out.push(JSON.parse(stdout.slice(start, i + 1)));
      }
    }
  }
  if (depth !== 0) throw new Error("go mod download -json: output ends inside a JSON object");
  return out;
}
var UNREACHABLE = [
  /module lookup disabled by GOPROXY=off/,
  /GOPROXY list is not the empty string, but contains no entries/,
  /dial tcp [^:]*(:\d+)?: .*(connection refused|i\/o timeout|no such host|network is unreachable)/,
  /dial tcp .*: (connect: )?(connection refused|i\/o timeout|network is unreachable)/,
  /lookup \S+( on \S+)?: no such host/,
  /proxyconnect tcp/,
  /TLS handshake timeout/,
  /Client\.Timeout exceeded/
];
function unreachableSource(output) {
  for (const raw2 of output.split("\n")) {
    const line = raw2.trim();
    if (line !== "" && UNREACHABLE.some((re) => re.test(line))) return line;
  }
  return void 0;
}

// src/modules/commands.ts
var import_node_fs16 = __gateBuiltin("node:fs");
var import_node_path17 = __gateBuiltin("node:path");

// src/modules/tidydiff.ts
var TidyDiffError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TidyDiffError";
  }
};
var FILE_HEADER = /^diff current\/(\S+) tidy\/(\S+)$/;
var HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function parseTidyDiff(output) {
  const changes = [];
  let file;
  let line = 0;
  let change;
  let inHunk = false;
  for (const raw2 of output.split("\n")) {
    const text = raw2.endsWith("\r") ? raw2.slice(0, -1) : raw2;
    const header = FILE_HEADER.exec(text);
    if (header) {
      file = header[1];
      inHunk = false;
      change = void 0;
      continue;
    }
    if (!file) {
      if (text.trim() === "") continue;
      throw new TidyDiffError(`unexpected line before the first "diff current/... tidy/..." header: ${JSON.stringify(text)}`);
    }
    if (!inHunk && (text.startsWith("--- ") || text.startsWith("+++ "))) continue;
    const hunk = HUNK.exec(text);
    if (hunk) {
      const start = Number(hunk[1]);
      const count = hunk[2] === void 0 ? 1 : Number(hunk[2]);
      line = count === 0 ? start + 1 : start;
      inHunk = true;
      change = void 0;
      continue;
    }
    if (!inHunk) {
      if (text.trim() === "") continue;
      throw new TidyDiffError(`unexpected line outside a hunk of ${file}: ${JSON.stringify(text)}`);
    }
    if (text.startsWith("\\")) continue;
    const mark = text[0];
    if (mark === "-" || mark === "+") {
      if (!change) {
        change = { file, line, removed: [], added: [] };
        changes.push(change);
      }
      if (mark === "-") {
        change.removed.push(text.slice(1));
        line++;
      } else {
        change.added.push(text.slice(1));
      }
    } else if (mark === " " || text === "") {
      change = void 0;
      line++;
    } else {
      throw new TidyDiffError(`unexpected line in a hunk of ${file}: ${JSON.stringify(text)}`);
    }
  }
  return changes;
}
function directivesOf(lines) {
  try {
    return JSON.stringify(parseDirectives(lines.join("\n"), "go.mod").map((d) => [d.verb, d.args, d.comment]));
  } catch {
    return void 0;
  }
}
function formattingOnly(change) {
  if (change.file !== "go.mod") return void 0;
  const before = directivesOf(change.removed);
  if (before === void 0 || before !== directivesOf(change.added)) return void 0;
  const last = change.line + Math.max(change.removed.length, 1) - 1;
  const span = change.removed.length > 1 ? `lines ${change.line}-${last}` : `line ${change.line}`;
  const block2 = /^(\w+)\s*\($/.exec(change.removed[0]?.trim() ?? "");
  const what = block2 ? `the ${block2[1]} block of ${span}` : span;
  const after = change.added.length === 0 ? "without them" : change.added.length === 1 ? `on one line, "${change.added[0].trim()}"` : `as ${change.added.length} lines`;
  return {
    summary: `${what} ${change.added.length === 0 ? "are dropped" : `written ${after}`}`,
    details: `as committed (${span}):
${change.removed.join("\n")}
as go mod tidy writes it:
${change.added.join("\n")}`
  };
}

// src/modules/tree.ts
var import_node_fs13 = __gateBuiltin("node:fs");
var import_node_path14 = __gateBuiltin("node:path");
function walkTree(root, visit, enter) {
  const walk = (dir, prefix) => {
    if (prefix && enter) enter(prefix, dir);
    for (const e of import_node_fs13.default.readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      const abs = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(abs, rel);
      else visit(rel, abs, e.isSymbolicLink() ? "link" : e.isFile() ? "file" : "special");
    }
  };
  try {
    walk(import_node_path14.default.resolve(root), "");
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
}
function hashRegularFile(abs, stat) {
  const buf = sharedReadBuffer();
  const fd = import_node_fs13.default.openSync(abs, "r");
  try {
    if (stat) stat(import_node_fs13.default.fstatSync(fd));
    let filled = 0;
    let n;
    while (filled < buf.length && (n = import_node_fs13.default.readSync(fd, buf, filled, buf.length - filled, null)) > 0) filled += n;
    if (filled < buf.length) return { sha256: sha256Hex(buf.subarray(0, filled)), size: filled };
    const h = sha256Hash().update(buf);
    let size = filled;
    while ((n = import_node_fs13.default.readSync(fd, buf, 0, buf.length, null)) > 0) {
      h.update(buf.subarray(0, n));
      size += n;
    }
    return { sha256: h.digest("hex"), size };
  } finally {
    import_node_fs13.default.closeSync(fd);
  }
}
function* hashEntries(root, tree, stats) {
  const listed = [];
  walkTree(root, (rel, abs, kind) => listed.push({ rel, kind, abs }), stats && ((rel, abs) => stats.push({ rel, stat: import_node_fs13.default.lstatSync(abs) })));
  for (const { rel, kind, abs } of listed) {
    if (kind === "file") {
      const entry = hashRegularFile(abs, stats && ((stat) => stats.push({ rel, stat })));
      tree.set(rel, { ...entry, kind });
      yield entry.size;
      continue;
    }
    if (stats) stats.push({ rel, stat: import_node_fs13.default.lstatSync(abs) });
    const data = kind === "link" ? Buffer.from(`symlink -> ${import_node_fs13.default.readlinkSync(abs)}`) : Buffer.from("special file");
    tree.set(rel, { sha256: sha256Hex(data), size: data.length, kind });
    yield data.length;
  }
  return tree;
}
function hashTree(root) {
  const tree = /* @__PURE__ */ new Map();
  for (const _ of hashEntries(root, tree)) ;
  return tree;
}
var SLICE_BYTES2 = 1 << 20;
async function hashTreeYielding(root, stats) {
  const tree = /* @__PURE__ */ new Map();
  let since = 0;
  for (const bytes of hashEntries(root, tree, stats)) {
    since += bytes;
    if (since >= SLICE_BYTES2) {
      since = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return tree;
}
function compareTrees(committed, expected) {
  const diff = { added: [], removed: [], modified: [] };
  for (const [p, e] of committed) {
    const want = expected.get(p);
    if (!want) diff.added.push(p);
    else if (want.sha256 !== e.sha256 || want.kind !== e.kind) diff.modified.push(p);
  }
  for (const p of expected.keys()) if (!committed.has(p)) diff.removed.push(p);
  diff.added.sort();
  diff.removed.sort();
  diff.modified.sort();
  return diff;
}
function firstDifferingLine(actual, expected) {
  const n = Math.min(actual.length, expected.length);
  let line = 1;
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) return line;
    if (actual[i] === 10) line++;
  }
  const endsWithNewline = actual.length > 0 && actual[actual.length - 1] === 10;
  return actual.length === n && endsWithNewline && line > 1 ? line - 1 : line;
}
function moduleTreeHash(tree, prefix) {
  const names = [...tree.keys()].map((rel) => ({ rel, name: Buffer.from(`${prefix}/${rel}`) }));
  names.sort((a, b) => Buffer.compare(a.name, b.name));
  const h = sha256Hash();
  for (const { rel, name } of names) h.update(`${tree.get(rel).sha256}  ${name.toString()}
`);
  return `h1:${h.digest("base64")}`;
}

// src/modules/cachesums.ts
var import_node_fs14 = __gateBuiltin("node:fs");
var import_node_path15 = __gateBuiltin("node:path");
function escapeModulePath(p) {
  return p.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}
function goModHash(content) {
  const fileHash = sha256Hex(content);
  return `h1:${sha256Hash().update(`${fileHash}  go.mod
`).digest("base64")}`;
}
function downloadBase(modcache, modulePath, version) {
  return import_node_path15.default.join(modcache, "cache", "download", ...escapeModulePath(modulePath).split("/"), "@v", escapeModulePath(version));
}
async function readOrUndefined(file) {
  try {
    return import_node_fs14.default.readFileSync(file);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}
async function cachedModuleHash(modcache, modulePath, version) {
  const data = await readOrUndefined(`${downloadBase(modcache, modulePath, version)}.ziphash`);
  return data?.toString("utf8").trim();
}
async function cachedGoModHash(modcache, modulePath, version) {
  const data = await readOrUndefined(`${downloadBase(modcache, modulePath, version)}.mod`);
  return data ? goModHash(data) : void 0;
}

// src/modules/treememo.ts
var import_node_fs15 = __gateBuiltin("node:fs");
var import_node_path16 = __gateBuiltin("node:path");
var RECORD_VERSION = "go-release-gate tree v6";
var TOUCH_INTERVAL_MS = 36e5;
var IDENTITY_FIELDS = 6;
var TreeIdentity = class {
  numbers;
  names = "";
  count = 0;
  constructor(entries) {
    this.numbers = new Float64Array(IDENTITY_FIELDS * entries);
  }
  add(rel, s) {
    let at = this.count * IDENTITY_FIELDS;
    this.names += `${rel}
`;
    const n = this.numbers;
    n[at++] = s.dev;
    n[at++] = s.ino;
    n[at++] = s.mode;
    n[at++] = s.size;
    n[at++] = s.mtimeMs;
    n[at] = s.ctimeMs;
    this.count++;
  }
  digest() {
    return sha256Hash().update(`${RECORD_VERSION}
`).update(this.names).update(this.numbers.subarray(0, this.count * IDENTITY_FIELDS)).digest("hex");
  }
};
function treeIdentity(entries) {
  const id = new TreeIdentity(entries.length);
  for (const e of entries) id.add(e.rel, e.stat);
  return id.digest();
}
function settled2(entries, startedMs) {
  return entries.every(({ stat }) => settledAt(stat, startedMs));
}
function treeRoot(dir, startedMs) {
  const stat = rootStat(dir);
  return stat && { identity: statIdentity(stat), settled: settledAt(stat, startedMs) };
}
function rootStat(dir) {
  try {
    return import_node_fs15.default.lstatSync(dir);
  } catch {
    return void 0;
  }
}
function treeRecordFile(gocache, dir) {
  return gateRecordFile(gocache, `tree-${sha256Hex(`${RECORD_VERSION}\0${import_node_path16.default.resolve(dir)}`)}`);
}
var NO_THROW = { throwIfNoEntry: false };
function statListed(root, entries) {
  const id = new TreeIdentity(entries.length);
  for (const rel of entries) {
    const s = import_node_fs15.default.lstatSync(`${root}/${rel}`, NO_THROW);
    if (!s) return void 0;
    id.add(rel, s);
  }
  return id.digest();
}
function recordedTreeHash(memo, dir, h1) {
  if (!memo.reuse) return void 0;
  const rec = readRecord(treeRecordFile(memo.gocache, dir), TOUCH_INTERVAL_MS, memo.now?.());
  if (!rec) return void 0;
  if (rec.version !== RECORD_VERSION || rec.dir !== import_node_path16.default.resolve(dir) || rec.h1 !== h1 || typeof rec.identity !== "string" || typeof rec.at !== "string") return void 0;
  if (!Array.isArray(rec.entries) || !rec.entries.every((e) => typeof e === "string")) return void 0;
  const root = rootStat(dir);
  if (!root || statIdentity(root) !== rec.root) return void 0;
  let identity;
  try {
    identity = statListed(import_node_path16.default.resolve(dir), rec.entries);
  } catch {
    return void 0;
  }
  if (identity !== rec.identity) return void 0;
  return rec.at;
}
function recordTreeHash(memo, dir, h1, root, entries, startedMs) {
  if (!root.settled || !settled2(entries, startedMs)) return false;
  const rec = {
    version: RECORD_VERSION,
    dir: import_node_path16.default.resolve(dir),
    h1,
    root: root.identity,
    entries: entries.map((e) => e.rel),
    identity: treeIdentity(entries),
    at: new Date(memo.now?.() ?? Date.now()).toISOString()
  };
  return writeRecord(treeRecordFile(memo.gocache, dir), rec);
}

// src/modules/trees.ts
async function verifyTrees(modules, memo) {
  const problems = [];
  let checked = 0;
  let reused = 0;
  for (const m of modules) {
    const recorded = (await readOrUndefined(`${m.zip}hash`))?.toString("utf8").trim();
    if (recorded === void 0) {
      problems.push({ path: m.path, version: m.version, problem: `missing ziphash: ${m.zip}hash does not exist` });
      continue;
    }
    if (memo && recordedTreeHash(memo, m.dir, recorded) !== void 0) {
      checked++;
      reused++;
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    const startedMs = memo?.now?.() ?? Date.now();
    const root = memo ? treeRoot(m.dir, startedMs) : void 0;
    const stats = root?.settled ? [] : void 0;
    let tree;
    try {
      tree = await hashTreeYielding(m.dir, stats);
    } catch (e) {
      problems.push({ path: m.path, version: m.version, problem: `dir could not be hashed (${m.dir}): ${e.message}` });
      continue;
    }
    const odd = [...tree].find(([, e]) => e.kind !== "file");
    if (odd) {
      problems.push({ path: m.path, version: m.version, problem: `dir has been modified (${m.dir}): ${odd[0]} is ${odd[1].kind === "link" ? "a symbolic link" : "not a regular file"}, which extraction never makes` });
      continue;
    }
    checked++;
    if (moduleTreeHash(tree, `${m.path}@${m.version}`) !== recorded) problems.push({ path: m.path, version: m.version, problem: `dir has been modified (${m.dir})` });
    else if (memo && root && stats) recordTreeHash(memo, m.dir, recorded, root, stats, startedMs);
  }
  return { problems, checked, reused };
}

// src/modules/commands.ts
var MINUTE = 6e4;
function tail(text, lines = 40) {
  const all = text.trimEnd().split("\n");
  return all.length > lines ? `... (${all.length - lines} lines above)
${all.slice(-lines).join("\n")}` : all.join("\n");
}
function sourcesUnreachable(reason, modcache, checks, output, location) {
  return finding(VERIFY_FAILED, "modules", {
    message: `verification could not run: the modules are not all in the module cache (${modcache}) and cannot be fetched (${reason}); ${checks.slice(0, -1).join(", ")} and ${checks[checks.length - 1]} did not run. Restore the module cache, or make GOPROXY reachable`,
    location,
    subject: "module sources unreachable",
    details: tail(output),
    // Everything later that needs the modules (the build) fails because of this.
    rootCause: true
  });
}
function commandFailed(r2, command, location) {
  const why = r2.timedOut ? "timed out" : `exited with ${r2.code}`;
  const first = r2.stderr.split("\n").find((l) => l.trim() !== "" && !/^go: (downloading|finding|extracting|found) /.test(l)) ?? "";
  return finding(VERIFY_FAILED, "modules", {
    message: `${command} ${why}${first ? `: ${first.trim()}` : ""}; what it checks could not be verified`,
    location,
    subject: command,
    details: tail(r2.stderr || r2.stdout)
  });
}
async function verifyModuleTrees(run4, cwd, loc, modules, memo) {
  const trees = [];
  for (const m of modules) {
    if (m.error || !m.version) continue;
    if (!m.dir || !m.zip || !import_node_fs16.default.existsSync(m.dir)) {
      const v = await verifyModules(run4, cwd, loc);
      return { ...v, reused: 0, result: v.ok ? `all modules verified by go mod verify (${m.path}@${m.version} has no extracted tree to hash)` : `${v.findings.length} problem(s)` };
    }
    trees.push({ path: m.path, version: m.version, dir: m.dir, zip: m.zip });
  }
  const { problems, checked, reused } = await verifyTrees(trees, memo);
  const findings = problems.map((p) => moduleProblem("module tree check", p, loc));
  const result = problems.length ? `${problems.length} problem(s)` : reused ? `${checked} module trees checked: each is what was downloaded (${checked - reused} hashed now, ${reused} unchanged since an earlier run hashed them: every file has the inode, size, mtime and ctime it had then)` : checked ? `${checked} module trees hashed: each is what was downloaded` : "no module trees to hash";
  return { findings, problems: { verify: problems, mismatches: [], missing: [], other: [] }, ok: problems.length === 0, result, reused };
}
function moduleProblem(check, p, loc) {
  return finding(VERIFY_FAILED, "modules", {
    message: `${check}: ${p.path} ${p.version}: ${p.problem}`,
    location: loc.module(p.path),
    subject: `${p.path}@${p.version} ${p.problem.replace(/\(.*\)/, "")}`
  });
}
async function verifyModules(run4, cwd, loc) {
  const r2 = await run4.go(["mod", "verify"], cwd, 15 * MINUTE);
  const problems = parseGoProblems(`${r2.stdout}
${r2.stderr}`);
  const findings = problems.verify.map((p) => moduleProblem("go mod verify", p, loc));
  const explained = findings.length + problems.mismatches.length + problems.missing.length > 0;
  if (r2.code !== 0 && !explained) findings.push(commandFailed(r2, "go mod verify", loc.build()));
  const verified = /^all modules verified$/m.test(r2.stdout);
  if (r2.code === 0 && !verified && !explained) {
    const said = r2.stdout.trim() === "" ? "printed nothing" : `printed ${JSON.stringify(r2.stdout.trim().split("\n")[0].slice(0, 200))}`;
    findings.push(
      finding(VERIFY_FAILED, "modules", {
        message: `go mod verify exited with 0 but ${said} instead of "all modules verified"; the module cache is not verified`,
        location: loc.build(),
        subject: "go mod verify silent success",
        ...r2.stdout || r2.stderr ? { details: tail(`${r2.stdout}${r2.stderr}`) } : {}
      })
    );
  }
  return { findings, problems, ok: r2.code === 0 && verified };
}
async function downloadModules(run4, cwd, loc, modfile) {
  const r2 = await run4.go(["mod", "download", "-json", ...modfile ? [`-modfile=${modfile}`] : []], cwd, 15 * MINUTE);
  const problems = parseGoProblems(r2.stderr);
  let modules = [];
  const findings = [];
  try {
    modules = parseDownloadJson(r2.stdout);
  } catch (e) {
    findings.push(commandFailed({ ...r2, stderr: `${e.message}
${r2.stderr}` }, "go mod download", loc.build()));
  }
  for (const m of modules.filter((x) => x.error)) {
    const p = parseGoProblems(m.error);
    problems.mismatches.push(...p.mismatches);
    problems.missing.push(...p.missing);
    if (p.mismatches.length + p.missing.length === 0) {
      findings.push(
        finding(VERIFY_FAILED, "modules", { message: `go mod download ${m.path}@${m.version}: ${m.error}`, location: loc.module(m.path), subject: `${m.path}@${m.version} download` })
      );
    }
  }
  if (r2.code !== 0 && problems.mismatches.length + problems.missing.length === 0 && findings.length === 0) {
    findings.push(commandFailed(r2, "go mod download", loc.build()));
  }
  const output = [r2.stderr, ...modules.filter((m) => m.error).map((m) => `${m.path}@${m.version}: ${m.error}`)].join("\n");
  const unreachable2 = r2.code !== 0 ? unreachableSource(output) : void 0;
  return { findings, problems, modules, output, ...unreachable2 ? { unreachable: unreachable2 } : {} };
}
async function checkTidy(run4, setup, main2, loc, severity2, missingReported) {
  const r2 = await run4.go(["mod", "tidy", "-diff"], main2.dir, 15 * MINUTE);
  const changes = r2.stdout.trim() === "" ? [] : parseTidyDiff(r2.stdout);
  if (r2.code !== 0 && changes.length === 0) {
    const p = parseGoProblems(r2.stderr);
    if (p.mismatches.length + p.missing.length > 0) return { findings: [], row: ["go mod tidy -diff", main2.gomod.file, "not run: go.sum must be fixed first"] };
    const f = commandFailed(r2, "go mod tidy -diff", { file: main2.gomod.file, line: main2.gomod.module.line });
    return { findings: [finding(NOT_TIDY, "modules", { severity: severity2, message: f.message, location: f.location, subject: `${main2.gomod.file} tidy failed`, details: f.details })], row: ["go mod tidy -diff", main2.gomod.file, "could not run"] };
  }
  const files = {};
  for (const name of ["go.mod", "go.sum"]) {
    const abs = import_node_path17.default.join(main2.dir, name);
    const data = setup.contents.get(abs);
    files[name] = { file: name === "go.mod" ? main2.gomod.file : import_node_path17.default.posix.join(import_node_path17.default.posix.dirname(main2.gomod.file), "go.sum"), lines: data ? splitLines(data.toString("utf8")).length : 0 };
  }
  const findings = [];
  for (const c of changes) {
    const added = c.file === "go.sum" ? c.added.filter((l) => !missingReported.has(l.split(/\s+/).slice(0, 2).join(" "))) : c.added;
    if (added.length === 0 && c.removed.length === 0) continue;
    const target = files[c.file] ?? { file: c.file, lines: c.line };
    const line = Math.max(1, Math.min(c.line, target.lines || 1));
    const layout = added.length === c.added.length ? formattingOnly(c) : void 0;
    if (layout) {
      findings.push(
        finding(NOT_TIDY, "modules", {
          severity: severity2 === "error" ? "error" : "note",
          message: `formatting only: go mod tidy would lay out ${target.file} differently (${layout.summary}); nothing required or replaced changes`,
          location: { file: target.file, line },
          subject: `${target.file} layout ${c.removed.join("\n")}\0${c.added.join("\n")}`,
          details: layout.details,
          fix: "go mod tidy"
        })
      );
      continue;
    }
    const parts = [];
    if (c.removed.length) parts.push(`remove ${c.removed.map((l) => `"${l.trim()}"`).join(", ")}`);
    if (added.length) parts.push(`add ${added.map((l) => `"${l.trim()}"`).join(", ")}`);
    findings.push(
      finding(NOT_TIDY, "modules", {
        severity: severity2,
        message: `go mod tidy would ${parts.join(" and ")} at ${target.file}:${line}`,
        location: { file: target.file, line },
        subject: `${target.file} ${c.removed.join("\n")}\0${added.join("\n")}`,
        fix: "go mod tidy"
      })
    );
  }
  const layoutOnly = findings.filter((f) => f.message.startsWith("formatting only:")).length;
  const result = findings.length === 0 ? "tidy" : layoutOnly === findings.length ? `formatting only (${layoutOnly} place(s))` : `${findings.length} difference(s)${layoutOnly ? `, ${layoutOnly} of them formatting only` : ""}`;
  return { findings, row: ["go mod tidy -diff", main2.gomod.file, result], tidy: r2.code === 0 && changes.length === 0 };
}

// src/modules/sums.ts
function neededSums(input) {
  const { setup } = input;
  const needed = /* @__PURE__ */ new Map();
  const need2 = (n) => {
    const key = sumKey(n.path, n.version, n.goMod);
    if (!needed.has(key)) needed.set(key, n);
  };
  const mainPaths = new Set(setup.mains.map((m) => m.gomod.module.path));
  const replaces = (own) => [...setup.work?.gowork.replaces ?? [], ...own.gomod.replaces];
  for (const m of setup.mains) {
    for (const r2 of m.gomod.requires) {
      if (setup.work && mainPaths.has(r2.path)) continue;
      const rep = replacementFor(replaces(m), r2.path, r2.version);
      if (rep?.local) continue;
      const eff = rep ? rep.new : { path: r2.path, version: r2.version };
      need2({ ...eff, goMod: true, requiredAs: r2.path, why: `required at ${m.gomod.file}:${r2.line}` });
    }
  }
  for (const d of input.downloaded ?? []) {
    if (d.error || !d.sum) continue;
    need2({ path: d.path, version: d.version, goMod: false, requiredAs: d.path, why: "needed by the build (go mod download)" });
    need2({ path: d.path, version: d.version, goMod: true, requiredAs: d.path, why: "needed by the build (go mod download)" });
  }
  for (const vm of setup.txt?.modules ?? []) {
    if (vm.packages.length === 0 || vm.version === "") continue;
    if (vm.replacement && vm.replacement.version === "") continue;
    const eff = vm.replacement ?? { path: vm.path, version: vm.version };
    const why = `vendored (${setup.txt.file}:${vm.line})`;
    need2({ ...eff, goMod: false, requiredAs: vm.path, why });
    need2({ ...eff, goMod: true, requiredAs: vm.path, why });
  }
  return [...needed.values()];
}
async function checkSums(input) {
  const { setup, loc } = input;
  const out = [];
  const missing = /* @__PURE__ */ new Set();
  let checked = 0;
  const reported = /* @__PURE__ */ new Set();
  const report = (f, key) => {
    if (reported.has(key)) return;
    reported.add(key);
    out.push(f);
  };
  for (const c of findSumConflicts(setup.sums)) {
    const location = { file: c.second.file, line: c.second.entry.line };
    report(
      finding(SUM_MISMATCH, "modules", {
        message: `${where2(location)} records ${c.second.entry.hash} for ${c.second.entry.path} ${c.second.entry.version}${c.second.entry.goMod ? "/go.mod" : ""}, but ${c.first.file}:${c.first.entry.line} records ${c.first.entry.hash}`,
        location,
        subject: `${c.second.file} ${sumKey(c.second.entry.path, c.second.entry.version, c.second.entry.goMod)} conflict`
      }),
      `${where2(location)}`
    );
  }
  for (const n of neededSums(input)) {
    if (loc.sums(n.path, n.version, n.goMod).length > 0) continue;
    missing.add(sumKey(n.path, n.version, n.goMod));
    const location = loc.require(n.requiredAs) ?? loc.vendored(n.requiredAs) ?? loc.build();
    const kind = n.goMod ? '"/go.mod" line (hash of its go.mod)' : '"h1:" line (hash of its files)';
    report(
      finding(MISSING_SUM, "modules", {
        message: `go.sum has no ${kind} for ${n.path} ${n.version}, ${n.why}`,
        location,
        subject: sumKey(n.path, n.version, n.goMod),
        fix: `go mod download ${n.path}@${n.version}`
      }),
      `missing ${sumKey(n.path, n.version, n.goMod)}`
    );
  }
  for (const sum of setup.sums) {
    for (const entry of sum.lines) {
      if (!entry.hash.startsWith("h1:")) continue;
      const cached = entry.goMod ? await cachedGoModHash(input.modcache, entry.path, entry.version) : await cachedModuleHash(input.modcache, entry.path, entry.version);
      if (cached === void 0) continue;
      checked++;
      if (cached === entry.hash) continue;
      const location = { file: sum.file, line: entry.line };
      report(
        finding(SUM_MISMATCH, "modules", {
          message: `${where2(location)} records ${entry.hash} for ${entry.path} ${entry.version}${entry.goMod ? "/go.mod" : ""}, but the module as downloaded and verified hashes to ${cached}`,
          location,
          subject: `${sum.file} ${sumKey(entry.path, entry.version, entry.goMod)}`
        }),
        where2(location)
      );
    }
  }
  for (const p of input.problems) {
    for (const m of p.mismatches) {
      const lines = loc.sums(m.path, m.version, m.goMod);
      const line = lines.find((l) => l.entry.hash === m.recorded) ?? lines[0];
      const location = line ? { file: line.file, line: line.entry.line } : loc.module(m.path);
      report(
        finding(SUM_MISMATCH, "modules", {
          message: `checksum mismatch for ${m.path} ${m.version}${m.goMod ? "/go.mod" : ""}: downloaded ${m.downloaded}, ${m.source} has ${m.recorded} (${where2(location)})`,
          location,
          subject: line ? `${line.file} ${sumKey(m.path, m.version, m.goMod)}` : `${m.path}@${m.version} mismatch`,
          details: `go reported: downloaded ${m.downloaded}, ${m.source}: ${m.recorded}`
        }),
        line ? where2(location) : `${m.path}@${m.version}${m.goMod} mismatch`
      );
    }
    for (const m of p.missing) {
      if (m.path && m.version) {
        if (loc.sums(m.path, m.version, m.goMod).length > 0) continue;
        missing.add(sumKey(m.path, m.version, m.goMod));
        report(
          finding(MISSING_SUM, "modules", {
            message: `go.sum has no ${m.goMod ? '"/go.mod"' : '"h1:"'} line for ${m.path} ${m.version} (reported by the go command)`,
            location: loc.module(m.path),
            subject: sumKey(m.path, m.version, m.goMod),
            fix: `go mod download ${m.path}@${m.version}`
          }),
          `missing ${sumKey(m.path, m.version, m.goMod)}`
        );
      } else if (m.pkg) {
        const owner2 = owningRequire(setup, m.pkg);
        if (owner2 && loc.sums(owner2.path, owner2.version, false).length > 0) continue;
        if (owner2 && reported.has(`missing ${sumKey(owner2.path, owner2.version, false)}`)) continue;
        report(
          finding(MISSING_SUM, "modules", {
            message: `go.sum has no "h1:" line for the module providing package ${m.pkg}${owner2 ? ` (${owner2.path} ${owner2.version})` : ""}`,
            location: owner2 ? loc.module(owner2.path) : loc.build(),
            subject: owner2 ? sumKey(owner2.path, owner2.version, false) : `package ${m.pkg}`
          }),
          owner2 ? `missing ${sumKey(owner2.path, owner2.version, false)}` : `missing package ${m.pkg}`
        );
      }
    }
  }
  return { findings: out, missing, checked };
}
function owningRequire(setup, pkg) {
  let best;
  for (const m of setup.mains) {
    for (const r2 of m.gomod.requires) {
      if ((pkg === r2.path || pkg.startsWith(`${r2.path}/`)) && (!best || r2.path.length > best.path.length)) best = r2;
    }
  }
  return best;
}

// src/modules/vendorcheck.ts
var import_node_fs17 = __gateBuiltin("node:fs");
var import_node_path19 = __gateBuiltin("node:path");

// src/modules/consistency.ts
var import_node_path18 = __gateBuiltin("node:path");
function describe(m) {
  return m.version ? `${m.path}@${m.version}` : m.path;
}
function lessThan114(goVersion) {
  if (!goVersion) return true;
  const [major, minor] = goVersion.split(".").map((n) => parseInt(n, 10));
  return major < 1 || major === 1 && (minor ?? 0) < 14;
}
function canonicalReplacement(r2, modDir, workDir) {
  if (!r2.local || !workDir || !modDir || import_node_path18.default.isAbsolute(r2.new.path)) return r2.new;
  const rel = import_node_path18.default.relative(workDir, import_node_path18.default.join(modDir, r2.new.path)).split(import_node_path18.default.sep).join("/");
  const dirPath = rel === "" ? "." : rel === "." || rel === ".." || rel.startsWith("./") || rel.startsWith("../") ? rel : `./${rel}`;
  return { path: dirPath, version: "" };
}
function checkVendorConsistency(setup) {
  const { mains, work, txt } = setup;
  const issues = [];
  const workspace = work !== void 0;
  const relaxed = !workspace && lessThan114(mains[0]?.gomod.go?.version);
  const goModName = workspace ? "a go.mod of the workspace" : "go.mod";
  for (const { gomod } of mains) {
    for (const r2 of gomod.requires) {
      const at = `${gomod.file}:${r2.line}`;
      const vm = vendoredModule(txt, r2.path, r2.version);
      if (vm) {
        if (!vm.explicit && !relaxed) {
          const line = vm.annotationLines[0] ?? vm.line;
          issues.push({ kind: "not-explicit", file: txt.file, line, subject: `${r2.path}@${r2.version} explicit`, message: `${r2.path} ${r2.version} is required at ${at} but ${txt.file}:${line} does not mark it "## explicit"` });
        }
        continue;
      }
      const other = txt.modules.find((m) => m.path === r2.path && m.version !== "");
      if (other) {
        issues.push({ kind: "version-differs", file: txt.file, line: other.line, subject: `${r2.path} version`, message: `${txt.file}:${other.line} lists ${r2.path} ${other.version}, but ${at} requires ${r2.version}` });
      } else if (!relaxed) {
        issues.push({ kind: "not-vendored", file: gomod.file, line: r2.line, subject: `${r2.path}@${r2.version} not vendored`, message: `${r2.path} ${r2.version} is required at ${at} but is not listed in ${txt.file}` });
      }
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const checkReplace = (r2, file, modDir) => {
    const key = describe(r2.old);
    if (seen.has(key)) return;
    seen.add(key);
    if (workspace && r2.old.version === "" && mains.some((m) => m.gomod.module.path === r2.old.path)) return;
    const want = canonicalReplacement(r2, modDir, work?.dir);
    const vm = vendoredModule(txt, r2.old.path, r2.old.version);
    const at = `${file}:${r2.line}`;
    if (!vm?.replacement) {
      if (relaxed && (r2.old.version === "" || !vm)) return;
      issues.push({ kind: "replace-missing", file, line: r2.line, subject: `${key} replace missing`, message: `${key} is replaced by ${describe(r2.new)} at ${at} but ${txt.file} does not record the replacement` });
    } else if (vm.replacement.path !== want.path || vm.replacement.version !== want.version) {
      issues.push({ kind: "replace-differs", file: txt.file, line: vm.line, subject: `${key} replace differs`, message: `${txt.file}:${vm.line} records ${key} => ${describe(vm.replacement)}, but ${at} replaces it with ${describe(want)}` });
    }
  };
  for (const r2 of work?.gowork.replaces ?? []) checkReplace(r2, work.gowork.file, void 0);
  for (const { gomod, dir } of mains) for (const r2 of gomod.replaces) checkReplace(r2, gomod.file, dir);
  for (const vm of txt.modules) {
    if (vm.explicit && vm.version !== "" && !mains.some(({ gomod }) => gomod.requires.some((r2) => r2.path === vm.path && r2.version === vm.version))) {
      if (!issues.some((i) => i.kind === "version-differs" && i.line === vm.line)) {
        issues.push({ kind: "explicit-not-required", file: txt.file, line: vm.line, subject: `${vm.path}@${vm.version} extra explicit`, message: `${txt.file}:${vm.line} marks ${vm.path} ${vm.version} explicit, but ${goModName} does not require it` });
      }
    }
    if (vm.replacement) {
      const replaces = [...work?.gowork.replaces ?? [], ...mains.flatMap((m) => m.gomod.replaces)];
      if (!replacementFor(replaces, vm.path, vm.version)) {
        issues.push({ kind: "replaced-not-replaced", file: txt.file, line: vm.line, subject: `${describe(vm)} extra replace`, message: `${txt.file}:${vm.line} records ${describe(vm)} => ${describe(vm.replacement)}, but ${workspace ? "the workspace" : "go.mod"} does not replace it` });
      }
    }
  }
  return issues;
}

// src/modules/linediff.ts
var MAX_EDITS = 1e3;
function editScript(a, b) {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x2 = k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y2 = x2 - k;
      while (x2 < n && y2 < m && a[x2] === b[y2]) {
        x2++;
        y2++;
      }
      v[offset + k] = x2;
      if (x2 >= n && y2 >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return void 0;
  const ops = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || k !== d && vd[offset + k - 1] < vd[offset + k + 1] ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: "same", text: a[--x] });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: "missing", text: b[--y] });
    else ops.push({ kind: "extra", text: a[--x] });
  }
  return ops.reverse();
}
function diffLines(actual, expected) {
  const changes = [];
  let line = 1;
  let current;
  const ops = editScript(actual, expected);
  if (!ops) {
    let i = 0;
    while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
    return [{ index: i, line: Math.max(1, Math.min(i + 1, actual.length)), extra: actual.slice(i), missing: expected.slice(i) }];
  }
  for (const op of ops) {
    if (op.kind === "same") {
      current = void 0;
      line++;
      continue;
    }
    if (!current) {
      current = { index: line - 1, line: Math.max(1, Math.min(line, actual.length)), extra: [], missing: [] };
      changes.push(current);
    }
    if (op.kind === "extra") {
      current.extra.push(op.text);
      line++;
    } else {
      current.missing.push(op.text);
    }
  }
  return changes;
}

// src/modules/vendorcheck.ts
var MODULES_TXT = "modules.txt";
var ROOT_CAUSES = /* @__PURE__ */ new Set(["replace-missing", "not-vendored"]);
function consistencyFindings(setup) {
  if (!setup.txt) return [];
  return checkVendorConsistency({ mains: setup.mains, work: setup.work, txt: setup.txt }).map(
    (i) => finding(VENDOR_MODULES_TXT, "modules", {
      message: i.message,
      location: { file: i.file, line: i.line },
      subject: i.subject,
      // A go.mod line that vendor/ never took in explains the vendored files that then differ.
      rootCause: ROOT_CAUSES.has(i.kind)
    })
  );
}
function quote(lines) {
  const shown2 = lines.slice(0, 3).map((l) => `"${l}"`).join(", ");
  return lines.length > 3 ? `${shown2} and ${lines.length - 3} more` : shown2;
}
function blockOf(txt, line) {
  let header = 0;
  for (const m of txt?.modules ?? []) if (m.line <= line && m.line > header) header = m.line;
  return header;
}
function owner(txt, rel) {
  let best;
  for (const m of txt?.modules ?? []) {
    if (m.version === "" || !rel.startsWith(`${m.path}/`)) continue;
    if (!best || m.path.length > best.path.length) best = m;
  }
  return best;
}
function describeOwner(setup, m) {
  if (!m) return "no module listed in vendor/modules.txt";
  for (const main2 of setup.mains) {
    const r2 = replacementFor([...setup.work?.gowork.replaces ?? [], ...main2.gomod.replaces], m.path, m.version);
    if (r2) {
      const file = setup.work?.gowork.replaces.includes(r2) ? setup.work.gowork.file : main2.gomod.file;
      return `${m.path} ${m.version} (replaced by ${r2.new.path}${r2.new.version ? ` ${r2.new.version}` : ""} at ${file}:${r2.line})`;
    }
  }
  return `${m.path} ${m.version}`;
}
async function compareVendor(setup, expectedDir, root, reportedTxtLines, committedTree) {
  const findings = [];
  const committed = new Map(committedTree ?? hashTree(setup.vendorDir));
  const expected = hashTree(expectedDir);
  const vendorRel = relativeTo(root, setup.vendorDir);
  const txtRel = `${vendorRel}/${MODULES_TXT}`;
  const committedTxt = committed.get(MODULES_TXT);
  const expectedTxt = expected.get(MODULES_TXT);
  if (!committedTxt && expectedTxt) {
    findings.push(finding(VENDOR_MODULES_TXT, "modules", { message: `${txtRel} is missing: go mod vendor writes it to record what was vendored`, location: { file: txtRel, line: 1 }, subject: `${txtRel} missing` }));
  } else if (committedTxt && committedTxt.sha256 !== expectedTxt?.sha256) {
    const actual = splitLines(await import_node_fs17.default.promises.readFile(import_node_path19.default.join(setup.vendorDir, MODULES_TXT), "utf8"));
    const want = expectedTxt ? splitLines(await import_node_fs17.default.promises.readFile(import_node_path19.default.join(expectedDir, MODULES_TXT), "utf8")) : [];
    const reportedBlocks = new Set(reportedTxtLines.map((l) => blockOf(setup.txt, l)));
    for (const change of diffLines(actual, want)) {
      const anchor = change.extra.length === 0 && change.line > 1 ? change.line - 1 : change.line;
      if (reportedBlocks.has(blockOf(setup.txt, anchor))) continue;
      const parts = [];
      if (change.extra.length) parts.push(`has ${quote(change.extra)}`);
      if (change.missing.length) parts.push(`${change.extra.length ? "where go mod vendor writes" : "lacks"} ${quote(change.missing)}`);
      findings.push(
        finding(VENDOR_MODULES_TXT, "modules", {
          message: `${txtRel}:${change.line} differs from what go mod vendor writes: it ${parts.join(" ")}`,
          location: { file: txtRel, line: change.line },
          subject: `${txtRel} ${change.extra.join("\n")}\0${change.missing.join("\n")}`
        })
      );
    }
  }
  committed.delete(MODULES_TXT);
  expected.delete(MODULES_TXT);
  const diff = compareTrees(committed, expected);
  for (const rel of diff.modified) {
    const [a, b] = await Promise.all([import_node_fs17.default.promises.readFile(import_node_path19.default.join(setup.vendorDir, rel)), import_node_fs17.default.promises.readFile(import_node_path19.default.join(expectedDir, rel))]);
    const line = firstDifferingLine(a, b);
    const file = `${vendorRel}/${rel}`;
    findings.push(
      finding(VENDOR_MODIFIED, "modules", {
        message: `${file}:${line} differs from ${describeOwner(setup, owner(setup.txt, rel))} (sha256 ${committed.get(rel).sha256.slice(0, 12)}\u2026, expected ${expected.get(rel).sha256.slice(0, 12)}\u2026)`,
        location: { file, line },
        subject: file
      })
    );
  }
  for (const rel of diff.added) {
    const file = `${vendorRel}/${rel}`;
    const m = owner(setup.txt, rel);
    findings.push(
      finding(VENDOR_ADDED, "modules", {
        message: `${file} is not written by go mod vendor${m ? ` for ${describeOwner(setup, m)}` : ""}`,
        location: { file, line: 1 },
        subject: file
      })
    );
  }
  for (const rel of diff.removed) {
    const file = `${vendorRel}/${rel}`;
    const line = setup.txt ? packageLineFor(setup.txt, rel) : void 0;
    findings.push(
      finding(VENDOR_REMOVED, "modules", {
        message: `${file} is missing: go mod vendor writes it for ${describeOwner(setup, owner(setup.txt, rel))}`,
        location: { file: txtRel, line: line ?? 1 },
        subject: file
      })
    );
  }
  return { findings, diff, files: { committed: committed.size + (committedTxt ? 1 : 0), expected: expected.size + (expectedTxt ? 1 : 0) } };
}

// src/modules/tidyreuse.ts
var import_node_fs18 = __gateBuiltin("node:fs");
var import_node_path20 = __gateBuiltin("node:path");

// src/modules/goheader.ts
function goFileHeader(src) {
  const n = src.length;
  let i = 0;
  const skipSpace = () => {
    while (i < n) {
      const c = src[i];
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else if (c === 47 && src[i + 1] === 47) {
        while (i < n && src[i] !== 10) i++;
      } else if (c === 47 && src[i + 1] === 42) {
        const close = src.indexOf("*/", i + 2);
        if (close < 0) return false;
        i = close + 2;
      } else break;
    }
    return true;
  };
  const isIdent = (c) => c !== void 0 && (c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95 || c >= 128);
  const ident = () => {
    const start = i;
    while (i < n && isIdent(src[i])) i++;
    return i > start ? src.toString("latin1", start, i) : void 0;
  };
  const str3 = () => {
    const q = src[i];
    if (q === 96) {
      const close = src.indexOf(96, i + 1);
      if (close < 0) return false;
      i = close + 1;
      return true;
    }
    if (q !== 34) return false;
    for (i++; i < n; i++) {
      if (src[i] === 92) i++;
      else if (src[i] === 34) {
        i++;
        return true;
      } else if (src[i] === 10) return false;
    }
    return false;
  };
  const spec = () => {
    if (src[i] === 46) i++;
    else if (isIdent(src[i])) ident();
    if (!skipSpace()) return false;
    return str3();
  };
  const semi = () => {
    if (src[i] === 59) i++;
  };
  if (!skipSpace() || ident() !== "package" || !skipSpace()) return { end: n };
  const pkg = ident();
  if (!pkg) return { end: n };
  let end = i;
  for (; ; ) {
    semi();
    if (!skipSpace()) return { end: n, pkg };
    const save = i;
    if (ident() !== "import") {
      i = save;
      return { end, pkg };
    }
    if (!skipSpace()) return { end: n, pkg };
    if (src[i] === 40) {
      i++;
      for (; ; ) {
        if (!skipSpace()) return { end: n, pkg };
        if (src[i] === 41) {
          i++;
          break;
        }
        if (!spec()) return { end: n, pkg };
        semi();
      }
    } else if (!spec()) return { end: n, pkg };
    end = i;
  }
}
function goFileHeaderEnd(src) {
  return goFileHeader(src).end;
}

// src/modules/tidyreuse.ts
var KEY_VERSION = "go-release-gate tidy v1";
var TIDY_SETTINGS = [
  "GOFLAGS",
  "GOPROXY",
  "GONOPROXY",
  "GOSUMDB",
  "GONOSUMDB",
  "GOPRIVATE",
  "GOINSECURE",
  "GONOSUMCHECK",
  "GOEXPERIMENT",
  "GO111MODULE",
  "GOWORK",
  "GODEBUG",
  "GOVCS",
  "GOTOOLCHAIN"
];
function moduleGoFiles(dir) {
  const out = [];
  const walk = (abs, rel) => {
    const entries = import_node_fs18.default.readdirSync(abs, { withFileTypes: true });
    if (rel !== "" && entries.some((e) => e.name === "go.mod")) return true;
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) return false;
      if (e.isDirectory()) {
        if (e.name.startsWith(".") || e.name.startsWith("_") || e.name === "testdata" || childRel === "vendor") continue;
        if (!walk(import_node_path20.default.join(abs, e.name), childRel)) return false;
      } else if (e.isFile() && e.name.endsWith(".go")) out.push(childRel);
    }
    return true;
  };
  if (!walk(dir, "")) return void 0;
  return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
async function tidyKey(inputs) {
  const { main: main2 } = inputs;
  if (main2.gomod.replaces.some((r2) => r2.local)) return void 0;
  const files = moduleGoFiles(main2.dir);
  if (!files) return void 0;
  const h = sha256Hash();
  const field2 = (name, value) => {
    const bytes = typeof value === "string" ? Buffer.from(value) : value;
    h.update(`${name} ${bytes.length}
`).update(bytes).update("\n");
  };
  field2("version", KEY_VERSION);
  field2("go", inputs.goVersion);
  field2("goroot", inputs.goroot);
  for (const s of TIDY_SETTINGS) field2(`env ${s}`, inputs.settings[s] ?? "");
  field2("go.mod", inputs.gomod);
  field2("go.sum", inputs.gosum ?? "(absent)");
  for (const rel of files) {
    const src = import_node_fs18.default.readFileSync(import_node_path20.default.join(main2.dir, rel));
    field2(`file ${rel}`, src.subarray(0, goFileHeaderEnd(src)));
  }
  return h.digest("hex");
}
function tidyRecordFile(gocache, key) {
  return gateRecordFile(gocache, `tidy-${key}`);
}
async function reusedTidy(gocache, key) {
  const rec = readRecord(tidyRecordFile(gocache, key), 0);
  return rec?.key === key && rec.tidy === true && typeof rec.at === "string" ? rec.at : void 0;
}
async function recordTidy(gocache, key, at = /* @__PURE__ */ new Date()) {
  writeRecord(tidyRecordFile(gocache, key), { key, tidy: true, at: at.toISOString() });
}

// src/stages/modules.ts
var MAX_TABLE_ROWS = 200;
function atLeast(version, major, minor) {
  const [a, b] = version.split(".").map((n) => parseInt(n, 10));
  return a > major || a === major && (b ?? 0) >= minor;
}
function runner(ctx) {
  const go = ctx.state.go;
  const env = { ...ctx.state.goEnv, GOTOOLCHAIN: "local" };
  const failed = [];
  return {
    failed,
    async go(args, cwd, timeoutMs = 5 * MINUTE) {
      const r2 = await ctx.ports.exec.run(go.bin, args, { cwd, env, timeoutMs });
      if (r2.code !== 0 && args[1] !== "tidy") failed.push(`go ${args.filter((a) => !a.startsWith("/") && !a.startsWith("-modfile=")).join(" ")}`);
      return r2;
    }
  };
}
function withoutGateFlags(goflags, ctx) {
  const added = ctx.state.facts["cache-goflags-added"];
  if (!added) return goflags;
  return goflags.split(/\s+/).filter((f) => f !== "" && f !== added).join(" ");
}
async function goEnvSettings(run4, dir, ctx) {
  const names = /* @__PURE__ */ new Set(["GOWORK", "GOMODCACHE", "GOCACHE", "GOFLAGS", "GONOSUMDB", "GOPRIVATE", "GOSUMDB", "GOINSECURE", "GOENV", ...TIDY_SETTINGS.filter((n) => n !== "GONOSUMCHECK")]);
  const r2 = await run4.go(["env", "-json", ...names], dir);
  if (r2.code !== 0) throw new Error(`go env failed in ${dir}: ${r2.stderr.trim()}`);
  const env = JSON.parse(r2.stdout);
  const fromProcess = (ctx.state.goEnv.GOFLAGS ?? "").trim() !== "" && withoutGateFlags(ctx.state.goEnv.GOFLAGS ?? "", ctx) === withoutGateFlags(env.GOFLAGS ?? "", ctx);
  return {
    work: env.GOWORK && env.GOWORK !== "off" ? env.GOWORK : "",
    modcache: env.GOMODCACHE,
    gocache: env.GOCACHE && env.GOCACHE !== "off" ? env.GOCACHE : "",
    // What tidy's answer depends on besides the files (src/modules/tidyreuse.ts); the environment's GONOSUMCHECK too.
    tidySettings: Object.fromEntries(TIDY_SETTINGS.map((n) => [n, n === "GONOSUMCHECK" ? ctx.state.goEnv.GONOSUMCHECK ?? "" : env[n] ?? ""])),
    goflagsFrom: fromProcess ? "the environment" : env.GOENV && env.GOENV !== "off" ? `the go env file ${env.GOENV}` : "the go env file",
    settings: {
      GOFLAGS: withoutGateFlags(env.GOFLAGS ?? "", ctx),
      GONOSUMDB: env.GONOSUMDB ?? "",
      GOPRIVATE: env.GOPRIVATE ?? "",
      GOSUMDB: env.GOSUMDB ?? "",
      GOINSECURE: env.GOINSECURE ?? "",
      // Not a go env variable: only the process environment can carry it.
      GONOSUMCHECK: ctx.state.goEnv.GONOSUMCHECK ?? ""
    }
  };
}
function settingsFindings(setup, loc, settings, opts) {
  const modules = [...new Set(setup.mains.flatMap((m) => m.gomod.requires.map((r2) => r2.path)))];
  return analyzeSettings(settings, { hasVendor: setup.hasVendor, modules, ...opts }).map(
    (w) => finding(WEAK_VERIFICATION, "modules", {
      severity: w.severity,
      message: w.message,
      location: w.aboutVendor && setup.txt ? { file: setup.txt.file, line: 1 } : loc.build(),
      subject: w.subject
    })
  );
}
async function checkVendor(ctx, run4, setup, loc) {
  const consistency = consistencyFindings(setup);
  const txtFile = setup.txt?.file;
  const reportedTxtLines = consistency.filter((f) => f.location?.file === txtFile).map((f) => f.location.line);
  const version = ctx.state.go.version;
  const workspace = setup.work !== void 0;
  const vendorRel = import_node_path21.default.posix.dirname(setup.txt?.file ?? `${import_node_path21.default.relative(ctx.config.workspace, setup.vendorDir).split(import_node_path21.default.sep).join("/")}/modules.txt`);
  if (!atLeast(version, 1, workspace ? 22 : 18)) {
    const f = finding(VERIFY_FAILED, "modules", {
      message: `${workspace ? "go work vendor" : "go mod vendor"} -o needs Go ${workspace ? "1.22" : "1.18"} or later (this is Go ${version}); ${vendorRel}/ could not be compared`,
      location: loc.build(),
      subject: "vendor regenerate go version"
    });
    return { findings: [...consistency, f], problems: parseGoProblems(""), verified: false, rows: [], metrics: {} };
  }
  await import_node_fs19.default.promises.mkdir(ctx.ports.tempDir, { recursive: true });
  const scratch = await import_node_fs19.default.promises.mkdtemp(import_node_path21.default.join(ctx.ports.tempDir, "modules-vendor-"));
  try {
    const out = import_node_path21.default.join(scratch, "vendor");
    const args = workspace ? ["work", "vendor", "-o", out] : ["mod", "vendor", "-o", out];
    const cwd = workspace ? setup.work.dir : setup.main.dir;
    const regenerating = run4.go(args, cwd, 15 * MINUTE);
    const t0 = nowMs();
    const committed = hashTree(setup.vendorDir);
    const hashMs = nowMs() - t0;
    const r2 = await regenerating;
    const problems = parseGoProblems(r2.stderr);
    if (r2.code !== 0) {
      const explained = problems.mismatches.length + problems.missing.length > 0;
      const findings2 = explained ? consistency : [...consistency, commandFailed(r2, `go ${args.slice(0, 2).join(" ")}`, setup.txt ? { file: setup.txt.file, line: 1 } : loc.build())];
      return { findings: findings2, problems, verified: false, rows: [[`${vendorRel}/`, "", `not compared: go ${args.slice(0, 2).join(" ")} failed`]], metrics: {} };
    }
    const t1 = nowMs();
    const cmp = await compareVendor(setup, out, ctx.config.workspace, reportedTxtLines, committed);
    const compareMs = Math.round(hashMs + nowMs() - t1);
    const findings = [...consistency, ...cmp.findings];
    const d = cmp.diff;
    const rows = [
      [`${vendorRel}/`, "", `${cmp.files.committed} files vs ${cmp.files.expected} regenerated: ${d.modified.length} modified, ${d.added.length} added, ${d.removed.length} removed`]
    ];
    return {
      findings,
      problems,
      verified: !findings.some((f) => f.severity === "error"),
      rows,
      metrics: { vendorFiles: cmp.files.committed, vendorCompareMs: compareMs, vendorModified: d.modified.length, vendorAdded: d.added.length, vendorRemoved: d.removed.length }
    };
  } finally {
    await import_node_fs19.default.promises.rm(scratch, { recursive: true, force: true });
  }
}
async function restoreIfChanged(setup) {
  const restored = [];
  for (const [file, data] of setup.contents) {
    const now = await import_node_fs19.default.promises.readFile(file).catch(() => void 0);
    if (!now || !now.equals(data)) {
      const tmp = `${file}.go-release-gate-${process.pid}`;
      const mode = (await import_node_fs19.default.promises.stat(file).catch(() => void 0))?.mode;
      await import_node_fs19.default.promises.writeFile(tmp, data, { flag: "wx", ...mode !== void 0 ? { mode: mode & 511 } : {} });
      await import_node_fs19.default.promises.rename(tmp, file);
      restored.push(file);
    }
  }
  return restored;
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = `${f.fingerprint}\0${where2(f.location ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function offline(setup, loc, modcache, reason, output, findings, rows) {
  const checks = ["the module tree check", "the go.sum check", ...setup.hasVendor ? ["the vendor/ comparison"] : [], "go mod tidy -diff"];
  findings.push(sourcesUnreachable(reason, modcache, checks, output, loc.build()));
  findings.push(...consistencyFindings(setup));
  const why = "the modules cannot be fetched (see go mod download)";
  rows.push(["go mod download", "", `could not run: ${reason}`], ["module trees", "", `not hashed: ${why}`]);
  if (setup.hasVendor) rows.push(["vendor/", "", `not compared: ${why}`]);
  rows.push(["go.sum", setup.sums.map((s) => s.file).join(", "), `not checked: ${why}`], ["go mod tidy -diff", "", `not run: ${why}`]);
  const all = dedupe(findings).sort(compareFindings);
  for (const f of all) rows.push([f.ruleId.replace(/^modules\//, ""), f.location ? where2(f.location) : "", f.message]);
  return { status: statusFrom(all), findings: all, table: { header: ["Check", "Where", "Result"], rows }, metrics: { verification: "not run" } };
}
async function runModules(ctx) {
  if (!ctx.state.go) return skipped("needs the Go toolchain");
  const run4 = runner(ctx);
  const { config } = ctx;
  const env = await goEnvSettings(run4, config.dir, ctx);
  const loaded = await loadModuleSetup(config.dir, env.work, config.workspace);
  if (!loaded.setup) {
    const findings2 = loaded.errors.map(
      (e) => finding(MALFORMED_FILE, "modules", { message: e.message, location: { file: e.file, line: e.line }, subject: `${e.file} malformed` })
    );
    return {
      status: "failed",
      reason: "a module file could not be read; nothing was verified",
      findings: findings2,
      table: { header: ["Check", "Where", "Result"], rows: loaded.errors.map((e) => ["malformed-file", `${e.file}:${e.line}`, e.detail]) }
    };
  }
  const setup = loaded.setup;
  const loc = locator(setup);
  const cwd = setup.main?.dir ?? setup.work.dir;
  const rows = [];
  const metrics = {};
  const findings = [];
  findings.push(...settingsFindings(setup, loc, env.settings, { release: config.mode === "release", goflagsFrom: env.goflagsFrom }));
  findings.push(...replacesOutsideWorkspace(setup, config.workspace));
  const alongside = !setup.hasVendor && !setup.work && setup.main !== void 0 && !/(^|\s)-modfile[=\s]/.test(env.settings.GOFLAGS);
  if (alongside) {
    const pending = (async () => {
      const dl2 = await downloadOnCopy(ctx, run4, setup, cwd, loc);
      return dl2.unreachable ? offline(setup, loc, env.modcache, dl2.unreachable, dl2.output, findings, rows) : verifyAlongside(ctx, run4, setup, loc, env, dl2, void 0, findings, rows, metrics);
    })();
    return { status: "passed", findings: [], pending };
  }
  let dl;
  try {
    dl = await downloadModules(run4, cwd, loc);
  } finally {
    for (const file of await restoreIfChanged(setup)) ctx.ports.log.info(`go mod download changed ${import_node_path21.default.relative(config.workspace, file)}; restored it as committed`);
  }
  if (dl.unreachable) return offline(setup, loc, env.modcache, dl.unreachable, dl.output, findings, rows);
  let vendor;
  if (setup.hasVendor) {
    vendor = await checkVendor(ctx, run4, setup, loc);
    if (vendor.verified) ctx.state.modFlag = "-mod=vendor";
  }
  return { status: "passed", findings: [], pending: verifyAlongside(ctx, run4, setup, loc, env, dl, vendor, findings, rows, metrics) };
}
async function downloadOnCopy(ctx, run4, setup, cwd, loc) {
  await import_node_fs19.default.promises.mkdir(ctx.ports.tempDir, { recursive: true });
  const copy = await import_node_fs19.default.promises.mkdtemp(import_node_path21.default.join(ctx.ports.tempDir, "modules-download-"));
  try {
    for (const name of ["go.mod", "go.sum"]) {
      const data = setup.contents.get(import_node_path21.default.join(setup.main.dir, name));
      if (data) await import_node_fs19.default.promises.writeFile(import_node_path21.default.join(copy, name), data);
    }
    return await downloadModules(run4, cwd, loc, import_node_path21.default.join(copy, "go.mod"));
  } finally {
    await import_node_fs19.default.promises.rm(copy, { recursive: true, force: true });
  }
}
async function tidyReuse(ctx, setup, m, env) {
  if (setup.work || !env.gocache) return void 0;
  const gomod = setup.contents.get(import_node_path21.default.join(m.dir, "go.mod"));
  if (!gomod) return void 0;
  const go = ctx.state.go;
  const key = await tidyKey({ main: m, gomod, gosum: setup.contents.get(import_node_path21.default.join(m.dir, "go.sum")), goVersion: go.version, goroot: go.goroot, settings: env.tidySettings }).catch(() => void 0);
  return key ? { gocache: env.gocache, key } : void 0;
}
async function verifyAlongside(ctx, run4, setup, loc, env, dl, vendor, findings, rows, metrics) {
  const { config } = ctx;
  metrics.modules = dl.modules.length;
  findings.push(...dl.findings);
  const cwd = setup.main?.dir ?? setup.work.dir;
  const foundTidy = [];
  try {
    const memo = env.gocache ? { gocache: env.gocache, reuse: config.mode !== "release" } : void 0;
    const verify = await verifyModuleTrees(run4, cwd, loc, dl.modules, memo);
    findings.push(...verify.findings);
    rows.push(["module trees", "", verify.result]);
    if (verify.reused) metrics.treesReused = verify.reused;
    if (vendor) {
      findings.push(...vendor.findings);
      rows.push(...vendor.rows);
      Object.assign(metrics, vendor.metrics);
    }
    const sums = await checkSums({
      setup,
      loc,
      modcache: env.modcache,
      downloaded: setup.work ? void 0 : dl.modules,
      problems: [dl.problems, verify.problems, ...vendor ? [vendor.problems] : []]
    });
    findings.push(...sums.findings);
    const sumLines = setup.sums.reduce((n, s) => n + s.lines.length, 0);
    rows.push(["go.sum", setup.sums.map((s) => s.file).join(", "), sums.findings.length ? `${sums.findings.length} problem(s)` : sumLines === 0 ? "no lines (no dependencies)" : `${sums.checked} of ${sumLines} lines checked against the verified module cache: all match`]);
    const tidyModules = setup.work ? setup.mains : setup.main ? [setup.main] : [];
    if (tidyModules.length && atLeast(ctx.state.go.version, 1, 23)) {
      for (const m of tidyModules) {
        const reuse = await tidyReuse(ctx, setup, m, env);
        const earlier = reuse && await reusedTidy(reuse.gocache, reuse.key);
        if (earlier) {
          metrics.tidyReused = true;
          rows.push(["go mod tidy -diff", m.gomod.file, `tidy (reused: a run at ${earlier} found the same go.mod, go.sum, Go file imports and go version tidy)`]);
          continue;
        }
        const tidy = await checkTidy(run4, setup, m, loc, ctx.config.requireTidy ? "error" : "warning", sums.missing);
        if (tidy.tidy && reuse) foundTidy.push(reuse);
        findings.push(...tidy.findings);
        rows.push(tidy.row);
      }
    } else {
      rows.push(["go mod tidy -diff", "", tidyModules.length ? `skipped: needs Go 1.23 (this is Go ${ctx.state.go.version})` : "skipped: no go.mod in the working directory"]);
    }
  } finally {
    for (const file of await restoreIfChanged(setup)) ctx.ports.log.warning(`a go command rewrote ${import_node_path21.default.relative(config.workspace, file)} during the modules checks; restored it as committed`);
  }
  const unproven = [...run4.failed, ...setup.hasVendor && !vendor?.verified ? ["the vendor comparison"] : []];
  if (unproven.length && !findings.some((f) => f.severity === "error")) {
    findings.push(finding(VERIFY_FAILED, "modules", { message: `${unproven.join(", ")} did not succeed, and no finding explains why; the modules are not verified`, location: loc.build(), subject: "unexplained failure" }));
  }
  const all = dedupe(findings).sort(compareFindings);
  if (!all.some((f) => f.severity === "error")) for (const t of foundTidy) await recordTidy(t.gocache, t.key);
  for (const f of all) {
    if (rows.length >= MAX_TABLE_ROWS) {
      rows.push(["\u2026", "", `${all.length - (MAX_TABLE_ROWS - 1)} more findings in the report`]);
      break;
    }
    rows.push([f.ruleId.replace(/^modules\//, ""), f.location ? where2(f.location) : "", f.message]);
  }
  return {
    status: statusFrom(all),
    findings: all,
    table: { header: ["Check", "Where", "Result"], rows },
    metrics
  };
}
var modulesStage = {
  name: "modules",
  rules: MODULES_RULES,
  start: runModules,
  run: async (ctx) => settled(await runModules(ctx))
};

// src/stages/build.ts
var import_node_fs23 = __gateBuiltin("node:fs");
var import_node_os4 = __gateBuiltin("node:os");
var import_node_path25 = __gateBuiltin("node:path");

// src/output/dir.ts
var import_node_fs20 = __gateBuiltin("node:fs");
var import_node_path22 = __gateBuiltin("node:path");
var FIXED_NAMES = /* @__PURE__ */ new Set(["SHA256SUMS", "results.sarif", "report.json", "summary.md", "outputs.json", "cosign.pub", "provenance.intoto.jsonl", "shard.json"]);
var GOOS = "aix|android|darwin|dragonfly|freebsd|illumos|ios|js|linux|netbsd|openbsd|plan9|solaris|wasip1|windows";
var BINARY = new RegExp(`^[^/\\\\]+_(${GOOS})_[a-z0-9]+(\\.exe)?$`);
var BUNDLE = /\.sigstore\.json$/;
function isGateOutputName(name) {
  return FIXED_NAMES.has(name) || BINARY.test(name) || BUNDLE.test(name);
}
var NOFOLLOW = import_node_fs20.default.constants.O_NOFOLLOW ?? 0;
var CREATE_FRESH = import_node_fs20.default.constants.O_WRONLY | import_node_fs20.default.constants.O_CREAT | import_node_fs20.default.constants.O_EXCL | NOFOLLOW;
var OutputDirError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "OutputDirError";
  }
};
function lstat(p) {
  try {
    return import_node_fs20.default.lstatSync(p);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}
function openOutputDir(dir) {
  const produced = [];
  const ensureDir = () => {
    import_node_fs20.default.mkdirSync(dir, { recursive: true });
    const st = import_node_fs20.default.lstatSync(dir);
    if (!st.isDirectory()) throw new OutputDirError(`output directory ${dir} is not a directory (${st.isSymbolicLink() ? "a symbolic link" : "a file"})`);
  };
  const target = (name) => {
    if (name !== import_node_path22.default.basename(name) || name === "." || name === ".." || name === "") throw new OutputDirError(`"${name}" is not a plain file name`);
    return import_node_path22.default.join(dir, name);
  };
  const vacate = (p) => {
    const st = lstat(p);
    if (!st) return;
    if (st.isDirectory()) throw new OutputDirError(`${p} is a directory where go-release-gate writes a file; remove it`);
    import_node_fs20.default.unlinkSync(p);
  };
  const note = (name) => {
    if (!produced.includes(name)) produced.push(name);
  };
  return {
    dir,
    write(name, data, mode = 420) {
      ensureDir();
      const p = target(name);
      vacate(p);
      const fd = import_node_fs20.default.openSync(p, CREATE_FRESH, mode);
      try {
        import_node_fs20.default.writeFileSync(fd, data);
      } finally {
        import_node_fs20.default.closeSync(fd);
      }
      note(name);
      return p;
    },
    append(name, data) {
      if (!produced.includes(name)) throw new OutputDirError(`${name} was not written by this run; refusing to append to it`);
      const fd = import_node_fs20.default.openSync(target(name), import_node_fs20.default.constants.O_WRONLY | import_node_fs20.default.constants.O_APPEND | NOFOLLOW);
      try {
        import_node_fs20.default.writeFileSync(fd, data);
      } finally {
        import_node_fs20.default.closeSync(fd);
      }
    },
    adopt(source, name) {
      ensureDir();
      const p = target(name);
      vacate(p);
      try {
        import_node_fs20.default.linkSync(source, p);
        import_node_fs20.default.unlinkSync(source);
      } catch (e) {
        const code2 = e.code;
        if (code2 !== "EXDEV" && code2 !== "EPERM" && code2 !== "ENOTSUP" && code2 !== "EOPNOTSUPP") throw e;
        const fd = import_node_fs20.default.openSync(p, CREATE_FRESH, import_node_fs20.default.statSync(source).mode & 511);
        try {
          import_node_fs20.default.writeFileSync(fd, import_node_fs20.default.readFileSync(source));
        } finally {
          import_node_fs20.default.closeSync(fd);
        }
        import_node_fs20.default.rmSync(source, { force: true });
      }
      note(name);
      return p;
    },
    clear(trash) {
      const removed = [];
      const foreign = [];
      if (!lstat(dir)) return { removed, foreign };
      ensureDir();
      let renaming = trash !== void 0;
      for (const e of import_node_fs20.default.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
        if (isGateOutputName(e.name) && !e.isDirectory()) {
          const p = import_node_path22.default.join(dir, e.name);
          try {
            if (renaming) import_node_fs20.default.renameSync(p, import_node_path22.default.join(trash(), e.name));
          } catch {
            renaming = false;
          }
          if (!renaming) import_node_fs20.default.unlinkSync(p);
          removed.push(e.name);
        } else {
          foreign.push(e.isDirectory() ? `${e.name}/` : e.name);
        }
      }
      return { removed, foreign };
    },
    produced: () => [...produced]
  };
}

// src/build/args.ts
function ldflagsFor(opts) {
  return [opts.strip ? "-s -w" : "", "-buildid=", opts.ldflags].filter((s) => s !== "").join(" ");
}
function buildArgs(opts, output, pkgs) {
  const args = ["build", "-trimpath", "-buildvcs=auto", `-ldflags=${ldflagsFor(opts)}`];
  if (opts.tags.length) args.push(`-tags=${opts.tags.join(",")}`);
  if (opts.modFlag) args.push(opts.modFlag);
  args.push("-o", output, ...typeof pkgs === "string" ? [pkgs] : pkgs);
  return args;
}
function stderrFor(stderr, pkg, built) {
  const sections = [];
  let current = { pkg: "", lines: [] };
  const flush = () => {
    if (current.lines.length) sections.push({ pkg: current.pkg, text: current.lines.join("\n") });
  };
  for (const line of stderr.split("\n")) {
    const m = /^# (\S+)/.exec(line) ?? /^package (\S+?):?(?:\s|$)/.exec(line);
    if (m) {
      flush();
      current = { pkg: m[1], lines: [line] };
    } else current.lines.push(line);
  }
  flush();
  if (!sections.some((s) => s.pkg === pkg)) return stderr;
  const mine = new Set(built);
  return sections.filter((s) => s.pkg === pkg || s.pkg !== "" && !mine.has(s.pkg)).map((s) => s.text).join("\n");
}
function buildEnv(base3, target, cgo, share = {}) {
  return { ...base3, GOOS: target.goos, GOARCH: target.goarch, CGO_ENABLED: cgo ? "1" : "0", ...share };
}
function binaryName(importPath) {
  const parts = importPath.split("/").filter(Boolean);
  let name = parts[parts.length - 1] ?? "main";
  if (/^v\d+$/.test(name) && parts.length > 1) name = parts[parts.length - 2];
  return name;
}
function goExecName(importPath) {
  const parts = importPath.split("/");
  const last = parts[parts.length - 1];
  return parts.length > 1 && /^v(?!0)(?!1$)[0-9]+$/.test(last) ? parts[parts.length - 2] : last;
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

// src/build/headstart.ts
var import_node_fs21 = __gateBuiltin("node:fs");
var import_node_path23 = __gateBuiltin("node:path");
var HEAD_BYTES = 4096;
function rootMainGuess(dir) {
  let module2;
  let names;
  try {
    module2 = parseGoMod(import_node_fs21.default.readFileSync(import_node_path23.default.join(dir, "go.mod"), "utf8"), "go.mod").module.path;
    names = import_node_fs21.default.readdirSync(dir).filter((n) => n.endsWith(".go") && !n.endsWith("_test.go") && !n.startsWith(".") && !n.startsWith("_"));
  } catch {
    return void 0;
  }
  if (names.length === 0) return void 0;
  const buf = Buffer.alloc(HEAD_BYTES);
  let certain = true;
  for (const name of names) {
    let n;
    try {
      const fd = import_node_fs21.default.openSync(import_node_path23.default.join(dir, name), "r");
      try {
        n = import_node_fs21.default.readSync(fd, buf, 0, HEAD_BYTES, 0);
      } finally {
        import_node_fs21.default.closeSync(fd);
      }
    } catch {
      return void 0;
    }
    const head2 = goFileHeader(buf.subarray(0, n));
    if (head2.pkg !== "main") return void 0;
    const header = buf.toString("latin1", 0, Math.min(head2.end, n));
    if (name.slice(0, -3).includes("_") || /^\s*\/\/\s*(go:build|\+build)/m.test(header) || header.includes('"C"') || head2.end >= n) certain = false;
  }
  return { importPath: module2, certain };
}
function inWorkspace(dir, gowork) {
  if (gowork === "off") return false;
  if (gowork) return true;
  for (let d = import_node_path23.default.resolve(dir); ; d = import_node_path23.default.dirname(d)) {
    if (import_node_fs21.default.existsSync(import_node_path23.default.join(d, "go.work"))) return true;
    if (import_node_path23.default.dirname(d) === d) return false;
  }
}

// src/build/order.ts
function inspectionRank(t) {
  if (t.goos === "windows") return 0;
  if (t.goos === "darwin" || t.goos === "ios") return 1;
  return 2;
}
function buildOrder(items, targetOf) {
  return items.map((item, i) => ({ item, i, rank: inspectionRank(targetOf(item)) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.item);
}

// src/build/cores.ts
var import_node_os3 = __gateBuiltin("node:os");
function cores() {
  return Math.max(1, import_node_os3.default.availableParallelism());
}
function buildSlots() {
  return cores();
}
function buildShare(env, cores2, builds) {
  if ((env.GOMAXPROCS ?? "") !== "") return {};
  const share = Math.max(1, Math.floor(cores2 / Math.max(1, Math.min(builds, cores2))));
  return share >= cores2 ? {} : { GOMAXPROCS: String(share) };
}

// src/inspect/early.ts
var started = /* @__PURE__ */ new WeakMap();
var keyOf = (name, sha256) => `${name}\0${sha256}`;
function inspectEarly(state, name, sha256, file, displayName) {
  const runs = started.get(state) ?? /* @__PURE__ */ new Map();
  started.set(state, runs);
  const p = inspectFile(file, displayName);
  p.catch(() => void 0);
  return sha256.then((sha) => {
    runs.set(keyOf(name, sha), p);
    return p;
  });
}
function takeInspected(state, name, sha256) {
  const runs = started.get(state);
  const key = keyOf(name, sha256);
  const p = runs?.get(key);
  runs?.delete(key);
  return p;
}

// src/stages/cgo-hint.ts
var import_node_fs22 = __gateBuiltin("node:fs");
var import_node_path24 = __gateBuiltin("node:path");
var EXCLUDED = /build constraints exclude all Go files in (.+)$/m;
var MAX_FILES = 200;
var MAX_BYTES = 1 << 20;
var IMPORTS_C = /^\s*import\s+"C"\s*$|^\s*import\s*\(\s*"C"\s*\)|^\s*"C"\s*$/m;
var CGO_TAG = /^\/\/go:build\s.*\bcgo\b/m;
function cgoNeededHint(stderr, cgo, show) {
  if (cgo) return null;
  const m = EXCLUDED.exec(stderr);
  if (!m) return null;
  const dir = m[1].trim();
  let names;
  try {
    names = import_node_fs22.default.readdirSync(dir).filter((n) => n.endsWith(".go") && !n.endsWith("_test.go")).slice(0, MAX_FILES);
  } catch {
    return null;
  }
  const needing = [];
  for (const n of names) {
    let text;
    try {
      const fd = import_node_fs22.default.openSync(import_node_path24.default.join(dir, n), "r");
      try {
        const buf = Buffer.alloc(MAX_BYTES);
        text = buf.toString("utf8", 0, import_node_fs22.default.readSync(fd, buf, 0, MAX_BYTES, 0));
      } finally {
        import_node_fs22.default.closeSync(fd);
      }
    } catch {
      continue;
    }
    if (IMPORTS_C.test(text) || CGO_TAG.test(text)) needing.push(n);
  }
  if (needing.length === 0) return null;
  const shown2 = needing.slice(0, 3).join(", ") + (needing.length > 3 ? ` and ${needing.length - 3} more` : "");
  return `the Go files in ${show(dir)} need cgo (${shown2}: import "C" or a cgo build constraint), and cgo is off, so Go reports "build constraints exclude all Go files". Set cgo: true to build it, then name the hosts it must run on in run-on: a cgo binary needs the C library (and glibc version) it was linked against`;
}

// src/stages/build.ts
var UNKNOWN_TARGET = rule({
  id: "build/unknown-target",
  name: "UnknownTarget",
  shortDescription: "A requested GOOS/GOARCH is not supported by this Go toolchain.",
  fullDescription: "The targets input names a GOOS/GOARCH pair the selected toolchain has no port for: its go build refuses it as an unsupported GOOS/GOARCH pair (the supported pairs are those of `go tool dist list`).",
  help: "Use a pair from `go tool dist list`, e.g. linux/amd64, linux/arm64, darwin/arm64, windows/amd64.",
  defaultSeverity: "error",
  usageError: true
});
var NO_MAIN = rule({
  id: "build/no-main-package",
  name: "NoMainPackage",
  shortDescription: "There is no main package to build.",
  fullDescription: "The packages input is empty and neither the module root nor any package under cmd/ is a main package, or a listed package is not a main package.",
  help: "Set packages to the main package(s) to release, e.g. ./cmd/server.",
  defaultSeverity: "error"
});
var FOREIGN_OUTPUT = rule({
  id: "build/foreign-output",
  name: "ForeignOutput",
  shortDescription: "The output directory holds files this run did not produce.",
  fullDescription: "Whatever is in output-dir is what an `upload output-dir/*` step publishes. Files the gate writes (binaries, SHA256SUMS, reports, bundles) left by an earlier run are removed before the build; any other entry there is not the gate's to delete, so the run fails naming it.",
  help: "Point output-dir at a directory only go-release-gate writes to (the default gate-out), or remove the files named in the message.",
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
var UNSUPPORTED_PAIR = /^(?:go|cmd\/go): unsupported GOOS\/GOARCH pair \S+\/\S+$/m;
async function goList(ctx, patterns) {
  const args = ["list", "-e", "-find", "-buildvcs=false", "-f", "{{.ImportPath}}	{{.Name}}	{{.Dir}}	{{if .Error}}{{.Error}}{{end}}"];
  if (ctx.state.modFlag) args.push(ctx.state.modFlag);
  const r2 = await ctx.ports.exec.run(ctx.state.go.bin, [...args, ...patterns], { cwd: ctx.config.dir, env: ctx.state.goEnv });
  if (r2.code !== 0) throw new Error(`go list ${patterns.join(" ")} failed: ${r2.stderr.trim() || r2.stdout.trim()}`);
  const pkgs = r2.stdout.split("\n").filter(Boolean).map((l) => {
    const [importPath, name, dir, error] = l.split("	");
    return { importPath, name, dir, error: error ?? "" };
  });
  return { pkgs, stderr: r2.stderr };
}
async function mainPackages(ctx, certainRoot) {
  const problems = [];
  const asMain = (p) => ({ importPath: p.importPath, dir: p.dir, name: binaryName(p.importPath) });
  if (certainRoot) return { pkgs: [asMain({ importPath: certainRoot, dir: ctx.config.dir })], problems };
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
  const cmdDir = import_node_path25.default.join(ctx.config.dir, "cmd");
  const cmd = import_node_fs23.default.existsSync(cmdDir) ? (await goList(ctx, ["./cmd/..."])).pkgs.filter((p) => p.name === "main") : [];
  if (cmd.length === 0) {
    problems.push(finding(NO_MAIN, "build", {
      message: `no main package in ${displayPath(ctx.config.workspace, ctx.config.dir) || "."}: the module root is not package main and cmd/ has no main package`,
      location: import_node_fs23.default.existsSync(import_node_path25.default.join(ctx.config.dir, "go.mod")) ? { file: displayPath(ctx.config.workspace, import_node_path25.default.join(ctx.config.dir, "go.mod")), line: 1 } : void 0
    }));
  }
  return { pkgs: cmd.map(asMain), problems };
}
var cleared = /* @__PURE__ */ new WeakMap();
function clearOnce(ctx) {
  let done = cleared.get(ctx.state);
  if (!done) {
    const out = ctx.state.out ?? (ctx.state.out = openOutputDir(ctx.config.outDir));
    cleared.set(ctx.state, done = clearOutputDir(ctx, out));
  }
  return done.findings;
}
function startHead(ctx, go) {
  const { config } = ctx;
  if (config.packages.length || ctx.state.selectJobs || ctx.state.modFlag || import_node_fs23.default.existsSync(import_node_path25.default.join(config.dir, "vendor")) || inWorkspace(config.dir, ctx.state.goEnv.GOWORK)) return void 0;
  const guess = rootMainGuess(config.dir);
  if (!guess) return void 0;
  const { importPath, certain } = guess;
  const buildDir = import_node_fs23.default.mkdtempSync(import_node_path25.default.join(scratchRoot(ctx), "grg-build-"));
  const builds = /* @__PURE__ */ new Map();
  const opts = { ldflags: config.ldflags, tags: config.tags, strip: config.strip, modFlag: void 0 };
  const share = buildShare(ctx.state.goEnv, cores(), config.targets.length);
  for (const target of buildOrder(config.targets, (t) => t).slice(0, buildSlots())) {
    const output = import_node_path25.default.join(buildDir, artifactFileName(binaryName(importPath), target));
    const r2 = ctx.ports.exec.run(go.bin, buildArgs(opts, output, importPath), { cwd: config.dir, env: buildEnv(ctx.state.goEnv, target, config.cgo, share) });
    r2.catch(() => void 0);
    builds.set(output, r2);
  }
  return { importPath, certain, buildDir, builds };
}
async function discardHead(head2) {
  await Promise.allSettled(head2.builds.values());
  import_node_fs23.default.rmSync(head2.buildDir, { recursive: true, force: true });
}
async function discover(ctx) {
  const go = ctx.state.go;
  if (!go) return void 0;
  clearOnce(ctx);
  const modFlag = ctx.state.modFlag;
  const head2 = startHead(ctx, go);
  try {
    return { main: await mainPackages(ctx, head2?.certain ? head2.importPath : void 0), modFlag, ...head2 ? { head: head2 } : {} };
  } catch (e) {
    if (head2) await discardHead(head2);
    throw e;
  }
}
var buildStage = {
  name: "build",
  rules: [UNKNOWN_TARGET, NO_MAIN, FOREIGN_OUTPUT, COMPILE],
  // Once the caches are restored (go list may fetch modules into the module cache): the
  // question only reads, and on a warm run it is most of what stands between the start and the
  // first compile, so it is asked while the modules stage verifies.
  prefetch: { after: "cache", run: discover },
  async run(ctx) {
    try {
      return await build(ctx);
    } finally {
      await cleared.get(ctx.state)?.deleted;
    }
  }
};
async function build(ctx) {
  const { config } = ctx;
  const findings = [...clearOnce(ctx)];
  const out = ctx.state.out;
  const go = ctx.state.go;
  if (!go) return findings.length ? { status: "failed", findings } : skipped("needs the Go toolchain");
  let early = await ctx.prefetched?.then((d) => d, () => void 0) ?? void 0;
  if (early && early.modFlag !== ctx.state.modFlag) {
    if (early.head) await discardHead(early.head);
    early = void 0;
  }
  const { main: main2, head: head2 } = early ?? await discover(ctx);
  const confirmed = head2 && main2.pkgs.length === 1 && main2.pkgs[0].importPath === head2.importPath ? head2 : void 0;
  if (head2 && !confirmed) await discardHead(head2);
  const targets = config.targets;
  const { pkgs, problems } = main2;
  findings.push(...problems);
  const names = /* @__PURE__ */ new Map();
  for (const p of pkgs) {
    const other = names.get(p.name);
    if (other) throw new Error(`main packages ${other} and ${p.importPath} would both produce a binary named ${p.name}`);
    names.set(p.name, p.importPath);
  }
  const buildDir = confirmed?.buildDir ?? import_node_fs23.default.mkdtempSync(import_node_path25.default.join(scratchRoot(ctx), "grg-build-"));
  try {
    return await buildInto(ctx, go, out, buildDir, targets, pkgs, findings, confirmed?.builds);
  } finally {
    if (confirmed) await Promise.allSettled(confirmed.builds.values());
    import_node_fs23.default.rmSync(buildDir, { recursive: true, force: true });
  }
}
function scratchRoot(ctx) {
  import_node_fs23.default.mkdirSync(ctx.ports.tempDir, { recursive: true });
  return isInside(ctx.config.workspace, ctx.ports.tempDir) ? import_node_os4.default.tmpdir() : ctx.ports.tempDir;
}
function clearOutputDir(ctx, out) {
  const shown2 = displayPath(ctx.config.workspace, out.dir) || ".";
  let trash;
  const { removed, foreign } = out.clear(() => trash ??= import_node_fs23.default.mkdtempSync(import_node_path25.default.join(scratchRoot(ctx), "grg-old-")));
  const deleted = trash === void 0 ? Promise.resolve() : new Promise((resolve) => {
    import_node_fs23.default.rm(trash, { recursive: true, force: true }, (e) => {
      if (e) ctx.ports.log.warning(`could not delete ${trash}: ${e.message}`);
      resolve();
    });
  });
  if (removed.length) ctx.ports.log.info(`removed ${removed.length} file(s) an earlier run left in ${shown2}: ${capList(removed, 20)}`);
  if (!foreign.length) return { findings: [], deleted };
  return {
    deleted,
    findings: [finding(FOREIGN_OUTPUT, "build", {
      message: `output-dir ${shown2} holds ${foreign.length} entr${foreign.length === 1 ? "y" : "ies"} this run did not produce: ${capList(foreign, 20)}; an upload of ${shown2}/* would publish them`,
      subject: shown2,
      details: foreign.join("\n")
    })]
  };
}
function capList(items, max) {
  return items.length > max ? `${items.slice(0, max).join(", ")} and ${items.length - max} more` : items.join(", ");
}
async function buildInto(ctx, go, out, buildDir, targets, pkgs, findings, started2) {
  const { config, ports } = ctx;
  const all = targets.flatMap((target) => pkgs.map((pkg) => ({ pkg, target, output: import_node_path25.default.join(buildDir, artifactFileName(pkg.name, target)) })));
  const jobs = ctx.state.selectJobs ? chosenJobs(all, ctx.state.selectJobs) : all;
  const opts = { ldflags: config.ldflags, tags: config.tags, strip: config.strip, modFlag: ctx.state.modFlag };
  const byTarget = /* @__PURE__ */ new Map();
  for (const job of jobs) {
    const key = `${job.target.goos}/${job.target.goarch}`;
    const same = byTarget.get(key) ?? [];
    if (same.some((j) => goExecName(j.pkg.importPath) === goExecName(job.pkg.importPath))) byTarget.set(`${key}\0${job.pkg.importPath}`, [job]);
    else byTarget.set(key, [...same, job]);
  }
  const inspecting = [];
  const finished = async (job, ok, stderr) => {
    if (!ok) return { ...job, ok, stderr };
    const size = import_node_fs23.default.statSync(job.output).size;
    const name = import_node_path25.default.basename(job.output);
    const hashing = sha256FileInSlices(job.output);
    const inspection = inspectEarly(ctx.state, name, hashing, job.output, displayPath(config.workspace, import_node_path25.default.join(out.dir, name)));
    inspection.catch(() => void 0);
    inspecting.push(inspection);
    const sha256 = await hashing;
    return { ...job, ok, stderr, size, sha256 };
  };
  const collect = async (group, dir, r2) => {
    const target = group[0].target;
    const stderr = config.cgo ? trimCompilerQuotes(r2.stderr) : r2.stderr;
    if (group.length === 1) return [await finished(group[0], r2.code === 0 && import_node_fs23.default.existsSync(group[0].output), stderr)];
    const results2 = [];
    for (const job of group) {
      const written = import_node_path25.default.join(dir, `${goExecName(job.pkg.importPath)}${target.goos === "windows" ? ".exe" : ""}`);
      if (import_node_fs23.default.existsSync(written)) {
        import_node_fs23.default.renameSync(written, job.output);
        results2.push(await finished(job, true, ""));
      } else {
        const own = stderrFor(stderr, job.pkg.importPath, group.map((j) => j.pkg.importPath));
        results2.push(await finished(job, false, own.trim() ? own : `go build exited ${r2.code} and wrote no ${import_node_path25.default.basename(written)}`));
      }
    }
    return results2;
  };
  const groups = buildOrder([...byTarget.values()], (group) => group[0].target);
  const share = buildShare(ctx.state.goEnv, cores(), groups.length);
  const building = await mapLimit(groups, buildSlots(), async (group) => {
    const target = group[0].target;
    const several = group.length > 1;
    const dir = several ? import_node_fs23.default.mkdtempSync(import_node_path25.default.join(buildDir, `${target.goos}_${target.goarch}-`)) : "";
    const r2 = await (!several && started2?.get(group[0].output) || ports.exec.run(go.bin, several ? buildArgs(opts, `${dir}${import_node_path25.default.sep}`, group.map((j) => j.pkg.importPath)) : buildArgs(opts, group[0].output, group[0].pkg.importPath), {
      cwd: config.dir,
      env: buildEnv(ctx.state.goEnv, target, config.cgo, share)
    }));
    const done = nextTurn(() => collect(group, dir, r2));
    done.catch(() => void 0);
    return { done };
  });
  const grouped = await Promise.all(building.map((b) => b.done));
  const built = new Map(grouped.flat().map((r2) => [jobKey2(r2), r2]));
  const results = jobs.map((j) => built.get(jobKey2(j)));
  const artifacts2 = [];
  const rows = [];
  const failures = [];
  for (const r2 of results) {
    const t = `${r2.target.goos}/${r2.target.goarch}`;
    if (!r2.ok && UNSUPPORTED_PAIR.test(r2.stderr)) {
      if (!findings.some((f) => f.ruleId === UNKNOWN_TARGET.id && f.message.startsWith(`target ${t} `))) {
        findings.push(finding(UNKNOWN_TARGET, "build", { message: `target ${t} is not supported by go${go.version} (see go tool dist list)`, subject: t }));
      }
      rows.push([t, r2.pkg.importPath, "", "", "unsupported target"]);
      continue;
    }
    if (!r2.ok) {
      const errors = parseCompilerErrors(r2.stderr);
      const first = errors[0];
      const loc = first ? { file: displayPath(ctx.config.workspace, import_node_path25.default.resolve(config.dir, first.file)), line: first.line, ...first.column ? { column: first.column } : {} } : void 0;
      const cgoHint = first ? null : cgoNeededHint(r2.stderr, config.cgo, (d) => displayPath(ctx.config.workspace, d) || ".");
      const headline = first ? `${loc.file}:${first.line}: ${first.message}` : cgoHint ?? (r2.stderr.trim().split("\n").slice(-1)[0] || "go build failed");
      findings.push(finding(COMPILE, "build", {
        message: `${t} ${r2.pkg.importPath}: ${headline}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ""}`,
        location: loc,
        subject: `${t}\0${r2.pkg.importPath}`,
        details: r2.stderr.trim()
      }));
      failures.push(`${t} ${r2.pkg.importPath}
${r2.stderr.trim()}`);
      rows.push([t, r2.pkg.importPath, "", "", "failed"]);
      continue;
    }
    const a = {
      path: r2.output,
      displayPath: "",
      name: import_node_path25.default.basename(r2.output),
      goos: r2.target.goos,
      goarch: r2.target.goarch,
      size: r2.size,
      sha256: r2.sha256,
      pkg: r2.pkg.importPath
    };
    artifacts2.push(a);
    rows.push([t, r2.pkg.importPath, a.name, String(a.size), "built"]);
  }
  await Promise.allSettled(inspecting);
  for (const a of artifacts2) {
    a.path = out.adopt(a.path, a.name);
    a.displayPath = displayPath(ctx.config.workspace, a.path);
  }
  ctx.state.artifacts.push(...artifacts2);
  if (artifacts2.length) ctx.state.checksumsFile = out.write("SHA256SUMS", renderChecksums(artifacts2));
  return {
    status: statusFrom(findings),
    findings,
    table: { header: ["Target", "Package", "File", "Bytes", "Result"], rows },
    ...failures.length ? { details: failures.join("\n\n") } : {},
    metrics: { built: artifacts2.length, failed: failures.length, jobs: jobs.length }
  };
}
async function nextTurn(fn) {
  await new Promise((resolve) => setImmediate(resolve));
  return fn();
}
function chosenJobs(all, select) {
  const keep = new Set(select(all.map((j) => ({ goos: j.target.goos, goarch: j.target.goarch, pkg: j.pkg.importPath }))).map((j) => `${j.pkg}\0${j.goos}/${j.goarch}`));
  return all.filter((j) => keep.has(jobKey2(j)));
}
function jobKey2(j) {
  return `${j.pkg.importPath}\0${j.target.goos}/${j.target.goarch}`;
}
function trimCompilerQuotes(stderr) {
  const kept = stderr.split(/\r?\n/).filter((line) => /^\S[^:]*:\d+(:\d+)?: /.test(line) || /^# \S/.test(line) || /^(go|cgo|gcc|clang|collect2|ld)(:| )/.test(line));
  return kept.join("\n");
}

// src/stages/inspect.ts
var import_node_path26 = __gateBuiltin("node:path");

// src/inspect/policy.ts
var r = (id, name, severity2, short, full, help2, securitySeverity2) => rule({ id, name, defaultSeverity: severity2, shortDescription: short, fullDescription: full, help: help2, ...securitySeverity2 ? { securitySeverity: securitySeverity2 } : {} });
var RULES = {
  unreadable: r(
    "inspect/unreadable-binary",
    "UnreadableBinary",
    "error",
    "The binary could not be parsed",
    "The built file is not a well-formed ELF, PE or Mach-O file, so nothing about it could be checked.",
    "The message names the file offset and what was wrong there. Rebuild; if it persists, the build produced a corrupt or non-executable file."
  ),
  notStatic: r(
    "inspect/not-static",
    "NotStatic",
    "error",
    "A Linux binary is dynamically linked",
    "The binary asks for a program interpreter or shared libraries, so it fails on scratch, distroless or Alpine images and on hosts with an older libc.",
    "Build with CGO_ENABLED=0 (use the netgo and osusergo tags if net or os/user pulled in cgo), or set cgo: true if dynamic linking is intended."
  ),
  interpreter: r(
    "inspect/dynamic-interpreter",
    "DynamicInterpreter",
    "note",
    "The binary requests a program interpreter",
    "PT_INTERP names the dynamic loader the kernel must start the program with; the binary does not run where that loader is missing.",
    "Internal-linker PIE builds request a loader even without libraries: drop -buildmode=pie or accept the loader dependency."
  ),
  needed: r(
    "inspect/needed-library",
    "NeededLibrary",
    "note",
    "The binary needs a shared library",
    "A DT_NEEDED entry names a shared library the loader must find at run time.",
    "Remove the cgo dependency that pulls the library in (CGO_ENABLED=0, netgo, osusergo), or ship the library with the binary."
  ),
  noBuildInfo: r(
    "inspect/no-build-info",
    "NoBuildInfo",
    "error",
    "The binary has no readable Go build info",
    "Without build info nobody can tell which Go version, module versions or build settings produced the binary, and vulnerability scanners cannot scan it.",
    "Build with a module-aware go build (Go 1.18 or later) and do not strip the .go.buildinfo section."
  ),
  targetMismatch: r(
    "inspect/target-mismatch",
    "TargetMismatch",
    "error",
    "The binary is not for the target it was built for",
    "The file format, architecture or the GOOS/GOARCH recorded in the build info differ from the target the artifact is published for.",
    "Check the GOOS/GOARCH environment of the build; a cached or mislabelled binary may have been picked up."
  ),
  notTrimpath: r(
    "inspect/not-trimpath",
    "NotTrimpath",
    "error",
    "The binary was built without -trimpath",
    "Without -trimpath the binary records the build machine's file system paths and the build is not reproducible across machines.",
    "Add -trimpath to the go build flags."
  ),
  leakedPaths: r(
    "inspect/leaked-paths",
    "LeakedPaths",
    "error",
    "The binary contains build-machine source paths",
    "Absolute .go file paths of the build machine are embedded in the binary (usernames, directory layout).",
    "Build with -trimpath."
  ),
  cgoEnabled: r(
    "inspect/cgo-enabled",
    "CgoEnabled",
    "error",
    "The binary was built with cgo",
    "CGO_ENABLED=1 is recorded in the build info although the configuration does not allow cgo.",
    "Set CGO_ENABLED=0 for release builds, or set cgo: true if the program needs cgo."
  ),
  notStripped: r(
    "inspect/not-stripped",
    "NotStripped",
    "error",
    "The binary carries a symbol table or debug info",
    "A .symtab or DWARF debug sections are present; they add size and are not needed to run the program.",
    'Build with -ldflags="-s -w", or set strip: false to keep symbols.'
  ),
  vcsModified: r(
    "inspect/vcs-modified",
    "VcsModified",
    "error",
    "A release binary was built from a modified work tree",
    "The build info records vcs.modified=true: the binary does not match the tagged commit.",
    "Build releases from a clean checkout; check that the build does not write into the repository (generated files, vendored changes)."
  ),
  missingTzdata: r(
    "inspect/missing-tzdata",
    "MissingTzdata",
    "warning",
    "time.LoadLocation without embedded time zone data where the system has none",
    "The program calls time.LoadLocation but embeds no tzdata, and a place it runs has no zone database: Windows (Go reads no system zoneinfo there, only $ZONEINFO or a Go installation's lib/time/zoneinfo.zip). Linux and macOS hosts normally ship the database and are not flagged; run-on hosts without one (scratch, Alpine) are reported by inspect/no-tzdata-on-host.",
    'Build with -tags timetzdata or import _ "time/tzdata" in the main package.'
  ),
  glibcTooNew: r(
    "inspect/glibc-too-new",
    "GlibcTooNew",
    "error",
    "The binary needs a newer glibc than a host it must run on",
    `The binary's symbol version needs (.gnu.version_r) name a GLIBC_x.y newer than the glibc of a run-on host, or than max-glibc: the loader refuses to start it there with "version \`GLIBC_x.y' not found".`,
    "Build on (or with a sysroot of) the oldest distribution you support, e.g. in a container of that release; or build without cgo (CGO_ENABLED=0) so no glibc is needed."
  ),
  libcMismatch: r(
    "inspect/libc-mismatch",
    "LibcMismatch",
    "error",
    "The binary is linked against a C library the host does not have",
    "A glibc-linked binary does not start on a musl host (Alpine) or an image without a C library (scratch, distroless static), and a musl-linked one does not start on a glibc host: the program interpreter named in PT_INTERP is missing there.",
    "Build a static binary (CGO_ENABLED=0), or build one binary per C library: on Alpine (musl) for Alpine, on a glibc distribution for the others."
  ),
  noTzdataOnHost: r(
    "inspect/no-tzdata-on-host",
    "NoTzdataOnHost",
    "error",
    "time.LoadLocation without embedded tzdata on a host without a zone database",
    "The program calls time.LoadLocation, embeds no time zone data, and a run-on host has no /usr/share/zoneinfo: every zone other than UTC and Local fails to load there.",
    'Build with -tags timetzdata or import _ "time/tzdata" in the main package (about 450 KB), or add tzdata to the image.'
  ),
  noCaRootsOnHost: r(
    "inspect/no-ca-roots-on-host",
    "NoCaRootsOnHost",
    "error",
    "The program loads the system certificate roots on a host that has none",
    `The program verifies certificates against the system roots (crypto/x509's system pool: every TLS client without its own RootCAs), embeds no roots of its own, and a run-on host has no CA bundle: TLS connections fail with "x509: certificate signed by unknown authority".`,
    `Import _ "golang.org/x/crypto/x509roots/fallback" to embed Mozilla's roots, copy a CA bundle into the image (or set SSL_CERT_FILE), or use an image that has one (distroless static).`
  ),
  osTooOld: r(
    "inspect/os-too-old",
    "OsTooOld",
    "error",
    "A host is older than the Go release that built the binary supports",
    "Each Go release states the oldest macOS, Windows and Linux kernel it runs on (go.dev/doc/go1.N, Ports); the binary was built by a Go newer than a run-on host allows.",
    "Build with an older Go for that host, or drop the host from run-on."
  ),
  cpuLevel: r(
    "inspect/cpu-level",
    "CpuLevel",
    "warning",
    "The binary needs a CPU level above the architecture baseline",
    "The build info records a micro-architecture level above Go's default (for example GOAMD64=v3): the program dies with an illegal instruction on older CPUs.",
    "Build with the default level, or list the level in cpu-level (e.g. cpu-level: GOAMD64=v3) when every host is known to support it."
  ),
  upx: r(
    "inspect/upx-packed",
    "UpxPacked",
    "warning",
    "The binary is UPX-packed",
    "A packed binary hides its contents from inspection and scanners and is often flagged by antivirus software.",
    "Do not pack release binaries with UPX."
  )
};
var INSPECT_RULES = Object.values(RULES);
var FORMAT_OF_GOOS = { windows: "pe", darwin: "macho", ios: "macho" };
function setting2(info, key) {
  return info.buildInfo?.settings.find((s) => s.key === key)?.value;
}
function hostApplies(artifact, h) {
  return h.goos === artifact.goos && (h.goarch === "" || h.goarch === artifact.goarch);
}
function placesWithoutZoneinfo(artifact, runOn) {
  const out = [];
  if (artifact.goos === "windows") out.push("Windows has no system time zone database for Go");
  for (const h of runOn) {
    if (hostApplies(artifact, h) && h.zoneinfo === false) out.push(`run-on host ${h.name} has no /usr/share/zoneinfo`);
  }
  return out;
}
var LOADER = { glibc: "glibc", musl: "musl libc", none: "no C library", bionic: "Android's bionic" };
function hostVerdict(info, artifact, h) {
  const v = { host: h.name, applies: hostApplies(artifact, h), failures: [], unknown: [] };
  if (!v.applies) return v;
  const fail2 = (rule2, reason) => v.failures.push({ rule: rule2, reason });
  if (artifact.goos === "linux" && info.libc && info.libc !== "none" && info.libc !== "unknown") {
    const via = info.interpreter ? ` (interpreter ${info.interpreter})` : "";
    if (h.libc === null) v.unknown.push("C library");
    else if (h.libc !== info.libc) fail2(RULES.libcMismatch, `needs ${LOADER[info.libc]}${via}, ${h.name} has ${LOADER[h.libc]}`);
    else if (info.libc === "glibc" && info.glibcFloor) {
      if (h.glibc === null) v.unknown.push("glibc version");
      else if (compareVersions(info.glibcFloor, h.glibc) > 0) fail2(RULES.glibcTooNew, `needs GLIBC_${info.glibcFloor}, ${h.name} has ${h.glibc}`);
    }
  }
  if (info.usesLoadLocation && !info.tzdata) {
    if (h.zoneinfo === false) fail2(RULES.noTzdataOnHost, `calls time.LoadLocation without embedded tzdata, ${h.name} has no /usr/share/zoneinfo`);
    else if (h.zoneinfo === null && artifact.goos !== "windows") v.unknown.push("zoneinfo");
  }
  if (info.usesSystemRoots && !info.embedsRoots) {
    if (h.caRoots === false) fail2(RULES.noCaRootsOnHost, `loads the system certificate roots and embeds none, ${h.name} has no CA bundle`);
    else if (h.caRoots === null) v.unknown.push("CA bundle");
  }
  const minor = info.buildInfo ? goMinor(info.buildInfo.goVersion) : null;
  const min = minor === null ? null : goMinimumOs(artifact.goos, minor);
  const have = artifact.goos === "linux" ? h.kernel : h.osVersion;
  if (min && have !== null && compareVersions(have, min.version) < 0) {
    const what = artifact.goos === "linux" ? "Linux kernel" : artifact.goos === "darwin" ? "macOS" : "Windows";
    fail2(RULES.osTooOld, `built by go1.${minor}, which needs ${what} ${min.version} or later (${min.note}); ${h.name} has ${have}`);
  }
  return v;
}
function verdictCell(v) {
  if (!v.applies) return "\u2013";
  if (v.failures.length) return `\u274C ${v.failures.map((f) => f.reason).join("; ")}`;
  return v.unknown.length ? `\u2705 (not checked: ${v.unknown.join(", ")})` : "\u2705";
}
function evaluateBinary(info, artifact, config, runOn = []) {
  const out = [];
  const where4 = artifact.displayPath;
  const target = `${artifact.goos}/${artifact.goarch}`;
  const add = (rl, message, subject, fix) => out.push(finding(rl, "inspect", { message, location: { artifact: where4 }, subject: `${where4}\0${subject}`, ...fix ? { fix } : {} }));
  const wantFormat = FORMAT_OF_GOOS[artifact.goos] ?? "elf";
  if (info.format !== wantFormat || info.arch !== artifact.goarch) {
    add(RULES.targetMismatch, `${where4} is a ${info.format} ${info.arch} binary, but the target is ${target}`, "container");
  }
  const goos = setting2(info, "GOOS");
  const goarch = setting2(info, "GOARCH");
  if (goos !== void 0 && goos !== artifact.goos || goarch !== void 0 && goarch !== artifact.goarch) {
    add(RULES.targetMismatch, `${where4} records GOOS=${goos ?? "?"} GOARCH=${goarch ?? "?"} in its build info, but the target is ${target}`, "buildinfo");
  }
  if (artifact.goos === "linux" && info.static === false && !config.cgo) {
    const parts = [info.interpreter ? `program interpreter ${info.interpreter}` : "", info.needed.length ? `shared libraries ${info.needed.join(", ")}` : ""].filter(Boolean);
    add(RULES.notStatic, `${where4} is dynamically linked: ${parts.join("; ")}`, "static");
    if (info.interpreter) add(RULES.interpreter, `${where4} requests program interpreter ${info.interpreter}`, info.interpreter);
    for (const lib of info.needed) add(RULES.needed, `${where4} needs shared library ${lib}`, lib);
  }
  if (info.buildInfoError) add(RULES.noBuildInfo, `${where4}: Go build info is present but unreadable: ${info.buildInfoError}`, "buildinfo");
  else if (!info.buildInfo) add(RULES.noBuildInfo, info.go ? `${where4} is a Go binary without build info` : `${where4} is not a Go binary (no build info, no pcln table)`, "buildinfo");
  if (info.buildInfo) {
    if (setting2(info, "-trimpath") !== "true") add(RULES.notTrimpath, `${where4} was built without -trimpath (no -trimpath=true build setting)`, "trimpath", "-trimpath");
    if (!config.cgo && setting2(info, "CGO_ENABLED") === "1") add(RULES.cgoEnabled, `${where4} was built with CGO_ENABLED=1, but cgo is not enabled in the configuration`, "cgo");
    if ((config.event.isTag || config.mode === "release") && setting2(info, "vcs.modified") === "true") {
      const rev = setting2(info, "vcs.revision");
      add(RULES.vcsModified, `${where4} records vcs.modified=true${rev ? ` on revision ${rev}` : ""}${config.event.tag ? ` for tag ${config.event.tag}` : ""}`, "vcs");
    }
  }
  if (info.leakedPaths.count > 0) {
    const n = info.leakedPaths.count;
    add(RULES.leakedPaths, `${where4} contains ${n} absolute source path${n === 1 ? "" : "s"} of the build machine, e.g. ${info.leakedPaths.examples.slice(0, 3).join(", ")}`, "paths");
  }
  if (config.strip && !info.stripped) add(RULES.notStripped, `${where4} is not stripped (symbol table or DWARF present)`, "strip", '-ldflags="-s -w"');
  if (info.usesLoadLocation && !info.tzdata) {
    const places = placesWithoutZoneinfo(artifact, []);
    if (places.length) add(RULES.missingTzdata, `${where4} calls time.LoadLocation but embeds no time zone data, and ${places.join("; ")}`, "tzdata", "-tags timetzdata");
  }
  for (const h of runOn) {
    for (const f of hostVerdict(info, artifact, h).failures) add(f.rule, `${where4} does not run on ${h.name}: ${f.reason}`, `${f.rule.id}\0${h.name}`);
  }
  if (artifact.goos === "linux" && info.libc === "glibc" && info.glibcFloor && config.maxGlibc && compareVersions(info.glibcFloor, config.maxGlibc) > 0) {
    add(RULES.glibcTooNew, `${where4} needs GLIBC_${info.glibcFloor}, max-glibc is ${config.maxGlibc}`, "max-glibc");
  }
  const cpu = info.cpuLevel;
  const spec = CPU_LEVELS[info.arch];
  if (cpu && spec && levelRank(info.arch, cpu.level) > levelRank(info.arch, spec.baseline)) {
    const allowed = config.cpuLevel[cpu.variable];
    const rank = levelRank(info.arch, cpu.level);
    if (allowed === void 0 || levelRank(info.arch, allowed) < rank) {
      add(RULES.cpuLevel, `${where4} is built for ${formatCpuLevel(cpu)}, above the ${cpu.variable}=${spec.baseline} baseline: it dies with an illegal instruction on CPUs without that level${allowed ? ` (cpu-level allows ${cpu.variable}=${allowed})` : ""}`, "cpu", `cpu-level: ${cpu.variable}=${cpu.level}`);
    }
  }
  if (info.upx) add(RULES.upx, `${where4} is packed with UPX`, "upx");
  return out;
}
var yesNo = (v) => v === null ? "n/a" : v ? "yes" : "no";
var TABLE_HEADER = ["Binary", "Target", "Static", "Stripped", "PIE", "RELRO", "NX", "Go", "VCS revision", "Size"];
function summaryRow(info, artifact) {
  const go = info.buildInfo ? info.buildInfo.goVersion.split(" ")[0] : info.go ? "Go, no build info" : "not Go";
  const rev = setting2(info, "vcs.revision");
  const modified = setting2(info, "vcs.modified") === "true" ? " (modified)" : "";
  return [
    artifact.displayPath,
    `${artifact.goos}/${artifact.goarch}`,
    yesNo(info.static),
    yesNo(info.stripped),
    yesNo(info.pie),
    info.relro,
    yesNo(info.nx),
    go,
    rev ? rev.slice(0, 12) + modified : "",
    String(info.size)
  ];
}

// src/stages/inspect.ts
function isBinary(a) {
  return a.goos !== "" && a.goarch !== "";
}
function recordVcs(ctx, settings) {
  const facts = ctx.state.facts;
  const get = (key) => settings.find((s) => s.key === key)?.value;
  for (const key of ["vcs.revision", "vcs.time"]) {
    const value = get(key);
    if (value !== void 0 && facts[key] === void 0) facts[key] = value;
  }
  const modified = get("vcs.modified");
  if (modified !== void 0 && facts["vcs.modified"] !== "true") facts["vcs.modified"] = modified;
}
var STATUS_LINES_SHOWN = 10;
async function nameModifiedFiles(ctx, findings) {
  const modified = findings.filter((f) => f.ruleId === RULES.vcsModified.id);
  if (modified.length === 0) return;
  const git = findOnPath("git", ctx.ports.env.PATH);
  let listing;
  if (!git) {
    listing = "git is not on PATH, so the modified files cannot be listed";
  } else {
    const outRel = import_node_path26.default.relative(ctx.config.dir, ctx.config.outDir);
    const outInside = isInside(ctx.config.workspace, ctx.config.outDir);
    const args = ["status", "--short", "--untracked-files=all", "--", ":/", ...outInside ? [`:(exclude)${outRel.split(import_node_path26.default.sep).join("/")}`] : []];
    const r2 = await ctx.ports.exec.run(git, args, { cwd: ctx.config.dir, env: childEnv("git", ctx.ports.env), timeoutMs: 6e4 });
    const lines = r2.stdout.split("\n").filter((l) => l.trim() !== "");
    if (r2.code !== 0) listing = `git status failed: ${r2.stderr.trim().split("\n")[0] ?? ""}`;
    else if (lines.length === 0) listing = "git status now reports a clean tree: something changed files while the binaries were built and restored them after";
    else listing = `git status --short: ${lines.slice(0, STATUS_LINES_SHOWN).map((l) => l.trim()).join("; ")}${lines.length > STATUS_LINES_SHOWN ? `; and ${lines.length - STATUS_LINES_SHOWN} more` : ""}`;
    if (r2.code === 0 && lines.length) for (const f of modified) f.details = lines.join("\n");
  }
  for (const f of modified) f.message = `${f.message} (${listing})`;
}
async function run(ctx) {
  const binaries = ctx.state.artifacts.filter(isBinary);
  if (binaries.length === 0) return skipped("no binaries were built");
  const findings = [];
  const rows = [];
  let bytesRead = 0;
  const runOn = ctx.config.runOn.map((n) => hostProfile(n));
  for (const a of binaries) {
    try {
      const info = await (takeInspected(ctx.state, a.name, a.sha256) ?? inspectFile(a.path, a.displayPath));
      bytesRead += info.bytesRead;
      findings.push(...evaluateBinary(info, a, ctx.config, runOn));
      recordVcs(ctx, info.buildInfo?.settings ?? []);
      const row = summaryRow(info, a);
      row[row.length - 1] = formatBytes(info.size);
      rows.push([...row, ...runOn.map((h) => verdictCell(hostVerdict(info, a, h)))]);
    } catch (e) {
      const why = e instanceof FormatError ? e.message : `cannot read it: ${e.message}`;
      findings.push(finding(RULES.unreadable, "inspect", { message: `${a.displayPath}: ${why}`, location: { artifact: a.displayPath }, subject: a.displayPath }));
      rows.push([a.displayPath, `${a.goos}/${a.goarch}`, "unreadable", "", "", "", "", "", "", formatBytes(a.size), ...runOn.map(() => "\u274C unreadable")]);
    }
  }
  await nameModifiedFiles(ctx, findings);
  return {
    status: statusFrom(findings),
    findings,
    table: { header: [...TABLE_HEADER, ...runOn.map((h) => `Runs on ${h.name}`)], rows },
    metrics: { binaries: binaries.length, bytesRead }
  };
}
var inspectStage = { name: "inspect", rules: INSPECT_RULES, run };

// src/stages/scan.ts
var import_node_fs26 = __gateBuiltin("node:fs");
var import_node_path29 = __gateBuiltin("node:path");

// src/scan/trivy-report.ts
var SEVERITY_ORDER = ["UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"];
var TrivyOutputError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TrivyOutputError";
  }
};
function obj(v) {
  return v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
function str(o, key, where4) {
  const v = o[key];
  if (v === void 0 || v === null) return "";
  if (typeof v !== "string") throw new TrivyOutputError(`${where4}: ${key} is ${typeof v}, not a string`);
  return v;
}
function list(o, key, where4) {
  const v = o[key];
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v)) throw new TrivyOutputError(`${where4}: ${key} is not an array`);
  return v;
}
function severity(o, where4) {
  const s = str(o, "Severity", where4);
  if (s === "") return "UNKNOWN";
  const up = s.toUpperCase();
  if (!SEVERITY_ORDER.includes(up)) throw new TrivyOutputError(`${where4}: Severity "${s.slice(0, 40)}" is not one of ${SEVERITY_ORDER.join(", ")}`);
  return up;
}
function cvssScore(v, source, where4) {
  if (v.CVSS === void 0 || v.CVSS === null) return void 0;
  const all = obj(v.CVSS);
  if (!all) throw new TrivyOutputError(`${where4}: CVSS is not an object`);
  const score = (c) => {
    const o = obj(c);
    if (!o) return void 0;
    const n = [o.V40Score, o.V3Score].find((x) => typeof x === "number" && x > 0 && x <= 10);
    return n;
  };
  return score(all[source]) ?? score(all.nvd) ?? score(all.ghsa) ?? Object.values(all).map(score).find((x) => x !== void 0);
}
function vuln(v, where4) {
  const o = obj(v);
  const id = o && typeof o.VulnerabilityID === "string" ? o.VulnerabilityID : "";
  if (!o || !id) throw new TrivyOutputError(`${where4}: a vulnerability without VulnerabilityID`);
  const at = `${where4} ${id}`;
  const source = str(o, "SeveritySource", at);
  const cvss = cvssScore(o, source, at);
  return {
    id,
    pkg: str(o, "PkgName", at) || str(o, "PkgID", at),
    installed: str(o, "InstalledVersion", at),
    fixed: str(o, "FixedVersion", at),
    severity: severity(o, at),
    severitySource: source,
    title: str(o, "Title", at),
    description: str(o, "Description", at),
    primaryUrl: str(o, "PrimaryURL", at),
    ...cvss !== void 0 ? { cvss } : {}
  };
}
function parseTrivyReport(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new TrivyOutputError(`the JSON report is not JSON (${e.message})`);
  }
  const root = obj(doc);
  if (!root || root.SchemaVersion !== 2) throw new TrivyOutputError(`the JSON report is not Trivy's schema version 2 (SchemaVersion ${JSON.stringify(root?.SchemaVersion)})`);
  return list(root, "Results", "the JSON report").map((r2, i) => {
    const o = obj(r2);
    if (!o) throw new TrivyOutputError(`Results[${i}] is not an object`);
    const target = str(o, "Target", `Results[${i}]`);
    const where4 = target || `Results[${i}]`;
    const vulns = list(o, "Vulnerabilities", where4).map((v) => vuln(v, target));
    const suppressed = [];
    for (const m of list(o, "ExperimentalModifiedFindings", where4)) {
      const mo = obj(m);
      if (!mo) throw new TrivyOutputError(`${where4}: an ExperimentalModifiedFindings entry is not an object`);
      if (str(mo, "Type", where4) !== "vulnerability" || str(mo, "Status", where4) !== "ignored") continue;
      suppressed.push({ vuln: vuln(mo.Finding, target), statement: str(mo, "Statement", where4), source: str(mo, "Source", where4) });
    }
    return { target, type: str(o, "Type", where4), vulns, suppressed };
  });
}
function parseTrivyVersion2(text) {
  let o;
  try {
    o = obj(JSON.parse(text));
  } catch {
    o = void 0;
  }
  if (o && typeof o.Version === "string") {
    const db = obj(o.VulnerabilityDB);
    return {
      version: o.Version,
      ...db && typeof db.UpdatedAt === "string" ? { dbUpdatedAt: db.UpdatedAt } : {},
      ...db && typeof db.NextUpdate === "string" ? { dbNextUpdate: db.NextUpdate } : {}
    };
  }
  const m = /Version:\s*(\S+)/.exec(text);
  if (!m) throw new TrivyOutputError(`cannot read the version from "${text.trim().slice(0, 200)}"`);
  return { version: m[1] };
}

// src/scan/trivy.ts
function trivyScanArgs(kind, target, o) {
  const args = [kind, "--scanners", "vuln", "--pkg-types", "library", "--format", "json", "--output", o.output, "--show-suppressed"];
  args.push("--skip-version-check", "--disable-telemetry", "--skip-java-db-update", "--offline-scan", "--no-progress", "--cache-backend", "memory");
  if (o.config) args.push("--config", o.config);
  if (o.cacheDir) args.push("--cache-dir", o.cacheDir);
  if (o.skipDbUpdate) args.push("--skip-db-update");
  if (o.ignoreFile) args.push("--ignorefile", o.ignoreFile);
  for (const d of o.skipDirs ?? []) args.push("--skip-dirs", d);
  args.push("--", target);
  return args;
}

// src/scan/ignorefile.ts
var IGNORE_FILE_NAMES = [".trivyignore.yaml", ".trivyignore.yml", ".trivyignore"];
function yamlScalar(v) {
  const t = v.replace(/\s+#.*$/, "").trim();
  const q = /^(['"])(.*)\1$/.exec(t);
  return q ? q[2] : t;
}
function parsePlain(text) {
  const out = [];
  text.split(/\r?\n/).forEach((raw2, i) => {
    const line = raw2.replace(/#.*$/, "").trim();
    if (!line) return;
    const [id, ...opts] = line.split(/\s+/);
    const exp = opts.map((o) => /^exp:(\d{4}-\d{2}-\d{2})$/.exec(o)).find(Boolean);
    out.push({ id, line: i + 1, ...exp ? { expires: exp[1] } : {} });
  });
  return out;
}
function parseYaml(text) {
  const out = [];
  let inVulns = false;
  let cur;
  text.split(/\r?\n/).forEach((raw2, i) => {
    if (/^\S/.test(raw2) && !raw2.startsWith("#")) {
      inVulns = /^vulnerabilities\s*:/.test(raw2);
      cur = void 0;
      return;
    }
    if (!inVulns) return;
    const item = /^\s*-\s+(.*)$/.exec(raw2);
    const body = item ? item[1] : raw2.trim();
    if (item) cur = void 0;
    const kv = /^([a-z_]+)\s*:\s*(.*)$/.exec(body);
    if (!kv) return;
    if (kv[1] === "id") {
      cur = { id: yamlScalar(kv[2]), line: i + 1 };
      out.push(cur);
    } else if (cur && kv[1] === "expired_at") {
      const d = /^(\d{4}-\d{2}-\d{2})/.exec(yamlScalar(kv[2]));
      if (d) cur.expires = d[1];
    } else if (cur && kv[1] === "statement") {
      cur.statement = yamlScalar(kv[2]);
    }
  });
  return out;
}
function parseIgnoreFile(name, text) {
  return /\.ya?ml$/.test(name) ? parseYaml(text) : parsePlain(text);
}
function isExpired(e, today2) {
  return e.expires !== void 0 && e.expires <= today2;
}

// src/scan/findings.ts
var SEVERITY_SCORE = { CRITICAL: 9.5, HIGH: 7.5, MEDIUM: 5.5, LOW: 3, UNKNOWN: void 0 };
function levelFor(sev, threshold) {
  const rank = SEVERITY_ORDER.indexOf(sev);
  if (threshold !== "NONE" && rank >= SEVERITY_ORDER.indexOf(threshold)) return "error";
  return rank >= SEVERITY_ORDER.indexOf("MEDIUM") ? "warning" : "note";
}
function ruleIdFor(advisory) {
  return `scan/${advisory.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "advisory"}`;
}
function bare(v) {
  return v.replace(/^v/, "");
}
function fixedVersions(v) {
  return v.fixed.split(",").map((s) => s.trim()).filter(Boolean);
}
function fixTarget(v) {
  return fixedVersions(v)[0];
}
function advisoryRule(v, threshold) {
  const score = v.cvss ?? SEVERITY_SCORE[v.severity];
  const title = v.title || `${v.id} in ${v.pkg}`;
  const fix = fixTarget(v);
  const upgrade = v.pkg === "stdlib" ? fix ? `Build with Go ${bare(fix)} or later (go-version input or go.mod's toolchain line).` : "No fixed Go release is known yet." : fix ? `Upgrade: go get ${v.pkg}@v${bare(fix)} && go mod tidy, then rebuild.` : "No fixed version is known yet: avoid the affected code path, or ignore it with a statement and an expiry in .trivyignore.";
  const more = v.primaryUrl ? ` Advisory: ${v.primaryUrl}` : "";
  return rule({
    id: ruleIdFor(v.id),
    name: `Vulnerability${v.id.replace(/[^A-Za-z0-9]+/g, "")}`,
    shortDescription: `${v.id} (${v.severity}): ${title}`.slice(0, 1e3),
    fullDescription: `${v.id} (${v.severity}${v.cvss !== void 0 ? `, CVSS ${v.cvss}` : ""}) in ${v.pkg}: ${v.description || title}`.slice(0, 4e3),
    help: `${upgrade} To accept the risk for a while, add "${v.id} exp:YYYY-MM-DD" to .trivyignore.${more}`,
    .../^https:\/\/[^\s()<>]+$/.test(v.primaryUrl) ? { helpUri: v.primaryUrl } : {},
    defaultSeverity: levelFor(v.severity, threshold),
    ...score !== void 0 ? { securitySeverity: score } : {},
    tool: "trivy"
  });
}
function gomodLocation(m, pkg) {
  const g = m.gomod;
  if (!g) return { file: m.file, line: 1 };
  if (pkg === "stdlib") {
    const line = g.toolchain?.line ?? g.go?.line ?? g.module.line;
    return { file: m.file, line };
  }
  const r2 = g.requires.find((x) => x.path === pkg);
  if (r2) return { file: m.file, line: r2.line };
  const rep = g.replaces.find((x) => x.new.path === pkg || x.old.path === pkg);
  return { file: m.file, line: rep ? rep.line : g.module.line };
}
function placeName(loc) {
  return loc.file ? `${loc.file}:${loc.line ?? 1}` : loc.artifact ?? "";
}
function keyOf2(v) {
  return `${v.id}\0${v.pkg}\0${bare(v.installed)}`;
}
function scanFindings(modules, binaries, threshold) {
  const groups = /* @__PURE__ */ new Map();
  const ignored = /* @__PURE__ */ new Map();
  const add = (v, loc) => {
    const g = groups.get(keyOf2(v)) ?? { vuln: v, locations: [] };
    if (!g.locations.some((l) => placeName(l) === placeName(loc))) g.locations.push(loc);
    groups.set(keyOf2(v), g);
  };
  const addIgnored = (s, where4) => {
    const i = ignored.get(keyOf2(s.vuln)) ?? { vuln: s.vuln, where: [], statement: s.statement, source: s.source };
    if (!i.where.includes(where4)) i.where.push(where4);
    ignored.set(keyOf2(s.vuln), i);
  };
  for (const m of modules) {
    for (const v of m.result.vulns) add(v, gomodLocation(m, v.pkg));
    for (const s of m.result.suppressed) addIgnored(s, placeName(gomodLocation(m, s.vuln.pkg)));
  }
  for (const b of binaries) {
    for (const v of b.result.vulns) add(v, { artifact: b.artifact });
    for (const s of b.result.suppressed) addIgnored(s, b.artifact);
  }
  const rules = /* @__PURE__ */ new Map();
  const findings = [];
  const rows = [];
  for (const { vuln: v, locations } of groups.values()) {
    const r2 = rules.get(ruleIdFor(v.id)) ?? advisoryRule(v, threshold);
    rules.set(r2.id, r2);
    const ordered = [...locations.filter((l) => l.file), ...locations.filter((l) => !l.file)];
    const where4 = ordered.map(placeName);
    const fix = fixTarget(v);
    const level = levelFor(v.severity, threshold);
    const message = `${v.pkg} ${v.installed} has ${v.id} (${v.severity}${v.cvss !== void 0 ? `, CVSS ${v.cvss}` : ""}): ${v.title || "see the advisory"}; ${fix ? `fixed in ${fix}` : "no fixed version yet"}. Found in ${where4.join(", ")}.`;
    findings.push(finding(r2, "scan", {
      severity: level,
      message,
      location: ordered[0],
      subject: keyOf2(v),
      ...fix ? { fix: v.pkg === "stdlib" ? `build with Go ${bare(fix)} or later` : `go get ${v.pkg}@v${bare(fix)} && go mod tidy` } : {}
    }));
    rows.push({ vuln: v, level, where: where4 });
  }
  return { findings, rules: [...rules.values()], ignored: [...ignored.values()], rows };
}

// src/scan/coverage.ts
function goModNeedsScan(gomod, text) {
  if (!gomod) return /^\s*require\b/m.test(text);
  return gomod.requires.some((r2) => !replacementFor(gomod.replaces, r2.path, r2.version)?.local);
}
function unscanned(f) {
  const missing = [];
  if (f.goMod && f.goMod.needsScan && !f.goMod.scanned) missing.push(`${f.goMod.file} (no gomod result)`);
  for (const b of f.binaries) if (!b.scanned) missing.push(`${b.file} (no gobinary result)`);
  return missing;
}

// src/tools/gobuild.ts
var import_node_fs24 = __gateBuiltin("node:fs");
var import_node_path27 = __gateBuiltin("node:path");
var BUILD_TIMEOUT_MS = 15 * 60 * 1e3;
async function installGoBuiltTool(t, b) {
  const semver2 = t.version.replace(/^v/, "");
  const exe = process.platform === "win32" ? `${t.program}.exe` : t.program;
  const cached = b.tools.find(t.tool, semver2, b.arch);
  if (cached && import_node_fs24.default.existsSync(import_node_path27.default.join(cached, exe))) return { dir: cached, bin: import_node_path27.default.join(cached, exe), source: "tool-cache", sha256: "" };
  if (b.env.GOSUMDB === "off" || b.env.GOFLAGS?.includes("-insecure")) {
    throw new InstallError("checksum", `${t.pkg}@${t.version} would be built without the checksum database (GOSUMDB=off or -insecure): set ${t.tool}-path to a binary you trust instead`);
  }
  import_node_fs24.default.mkdirSync(b.tempDir, { recursive: true });
  const bin = import_node_fs24.default.mkdtempSync(import_node_path27.default.join(b.tempDir, `${t.tool}-build-`));
  b.log.info(`Building ${t.pkg}@${t.version} with the run's Go (module proxy, checked against the checksum database)`);
  const { GOOS: _os, GOARCH: _arch, ...rest } = b.env;
  const env = { ...rest, GOBIN: bin, CGO_ENABLED: "0", GOTOOLCHAIN: "local", GOFLAGS: "-trimpath" };
  const r2 = await b.exec.run(b.go, ["install", `${t.pkg}@${t.version}`], { env, cwd: b.tempDir, timeoutMs: BUILD_TIMEOUT_MS });
  if (r2.code !== 0 || !import_node_fs24.default.existsSync(import_node_path27.default.join(bin, exe))) {
    const why = r2.timedOut ? `did not finish within ${BUILD_TIMEOUT_MS / 6e4} minutes` : r2.stderr.trim().split("\n").slice(-3).join(" ") || `exit code ${r2.code}`;
    import_node_fs24.default.rmSync(bin, { recursive: true, force: true });
    throw new InstallError("download", `go install ${t.pkg}@${t.version} failed: ${why}`);
  }
  const dir = await b.tools.cache(bin, t.tool, semver2, b.arch);
  import_node_fs24.default.rmSync(bin, { recursive: true, force: true });
  return { dir, bin: import_node_path27.default.join(dir, exe), source: "download", sha256: "" };
}

// src/scan/govulncheck.ts
var GovulncheckOutputError = class extends Error {
  constructor(message) {
    super(`govulncheck output: ${message}`);
    this.name = "GovulncheckOutputError";
  }
};
function splitJsonStream(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    if (text[i] !== "{") throw new GovulncheckOutputError(`expected "{" at offset ${i}, found ${JSON.stringify(text.slice(i, i + 20))}`);
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    if (depth !== 0) throw new GovulncheckOutputError(`the object at offset ${start} is cut off (${text.length - start} bytes, unbalanced)`);
    try {
      out.push({ offset: start, value: JSON.parse(text.slice(start, i)) });
    } catch (e) {
      throw new GovulncheckOutputError(`the object at offset ${start} is not JSON: ${e.message}`);
    }
  }
  return out;
}
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var str2 = (v) => typeof v === "string";
function frame(v, at) {
  if (!isObj(v) || !str2(v.module)) throw new GovulncheckOutputError(`${at}: a trace frame without a module`);
  const f = { module: v.module };
  for (const k of ["version", "package", "function", "receiver"]) {
    if (v[k] !== void 0) {
      if (!str2(v[k])) throw new GovulncheckOutputError(`${at}: frame field ${k} is not a string`);
      f[k] = v[k];
    }
  }
  if (v.position !== void 0) {
    const p = v.position;
    if (!isObj(p) || !str2(p.filename) || typeof p.line !== "number") throw new GovulncheckOutputError(`${at}: a frame position without filename and line`);
    f.position = { filename: p.filename, line: p.line, ...typeof p.column === "number" ? { column: p.column } : {} };
  }
  return f;
}
function parseGovulncheck(text) {
  const report = { scannerVersion: "", goVersion: "", db: "", scanMode: "", osvs: /* @__PURE__ */ new Map(), findings: [] };
  let sawConfig = false;
  for (const { offset, value } of splitJsonStream(text)) {
    const at = `object at offset ${offset}`;
    if (!isObj(value)) throw new GovulncheckOutputError(`${at} is not an object`);
    const keys = Object.keys(value);
    if (keys.length !== 1) throw new GovulncheckOutputError(`${at} has fields ${keys.join(", ") || "(none)"}; expected exactly one message`);
    const [kind] = keys;
    const body = value[kind];
    if (!isObj(body)) throw new GovulncheckOutputError(`${at}: ${kind} is not an object`);
    switch (kind) {
      case "config":
        sawConfig = true;
        report.scannerVersion = str2(body.scanner_version) ? body.scanner_version : "";
        report.goVersion = str2(body.go_version) ? body.go_version : "";
        report.db = str2(body.db) ? body.db : "";
        report.scanMode = str2(body.scan_mode) ? body.scan_mode : "";
        break;
      case "SBOM":
      case "progress":
        break;
      case "osv": {
        if (!str2(body.id)) throw new GovulncheckOutputError(`${at}: an osv entry without an id`);
        const aliases = Array.isArray(body.aliases) ? body.aliases.filter(str2) : [];
        const affected = Array.isArray(body.affected) ? body.affected : [];
        const modules = affected.map((a) => isObj(a) && isObj(a.package) && str2(a.package.name) ? a.package.name : "").filter(Boolean);
        report.osvs.set(body.id, { id: body.id, aliases, summary: str2(body.summary) ? body.summary : "", modules });
        break;
      }
      case "finding": {
        if (!str2(body.osv)) throw new GovulncheckOutputError(`${at}: a finding without an osv id`);
        if (!Array.isArray(body.trace) || body.trace.length === 0) throw new GovulncheckOutputError(`${at}: finding ${body.osv} has no trace`);
        report.findings.push({
          osv: body.osv,
          ...str2(body.fixed_version) ? { fixedVersion: body.fixed_version } : {},
          trace: body.trace.map((f, i) => frame(f, `${at} trace[${i}]`))
        });
        break;
      }
      default:
        throw new GovulncheckOutputError(`${at}: unknown message "${kind}"`);
    }
  }
  if (!sawConfig) throw new GovulncheckOutputError("no config message: this is not govulncheck -json output");
  for (const f of report.findings) {
    if (!report.osvs.has(f.osv)) throw new GovulncheckOutputError(`finding for ${f.osv}, but the stream carries no osv entry for it`);
  }
  return report;
}
function govulncheckArgs(o) {
  return ["-json", "-mode", "source", "-db", o.db, ...o.tags.length ? ["-tags", o.tags.join(",")] : [], ...o.patterns];
}

// src/scan/reach-run.ts
var GOVULNCHECK = { tool: "govulncheck", pkg: "golang.org/x/vuln/cmd/govulncheck", version: "v1.9.0", program: "govulncheck" };
var RUN_TIMEOUT_MS = 20 * 60 * 1e3;
async function runReachability(ctx) {
  const { config, ports, state } = ctx;
  const db = config.govulncheckDb;
  if (config.reachability === "off") return { analysed: false, reason: "reachability: off", runs: [], db };
  const notAnalysed = (why) => {
    if (config.reachability === "on") throw new Error(`${why}; reachability is "on", so the gate cannot pass without it (set reachability: auto or off, or govulncheck-path)`);
    ports.log.warning(`reachability not analysed: ${why}`);
    return { analysed: false, reason: why, runs: [], db };
  };
  const go = state.go;
  if (!go) return notAnalysed("no Go toolchain");
  let bin;
  let source;
  if (config.govulncheckPath) {
    if (!isExecutableFile(config.govulncheckPath)) return notAnalysed(`govulncheck-path ${config.govulncheckPath} is not an executable file`);
    bin = config.govulncheckPath;
    source = "govulncheck-path";
  } else if (config.reachability === "auto" && config.vulnReachability === "any" && !ports.tools.find(GOVULNCHECK.tool, GOVULNCHECK.version.slice(1), process.arch)) {
    const onPath = findOnPath("govulncheck", ports.env.PATH);
    if (!onPath) return { analysed: false, reason: "no govulncheck (govulncheck-path, tool cache, PATH); reachability: on or vuln-reachability: called|imported builds the pinned one", runs: [], db };
    bin = onPath;
    source = "PATH";
  } else {
    try {
      const t = await installGoBuiltTool(GOVULNCHECK, { exec: ports.exec, log: ports.log, tools: ports.tools, go: go.bin, env: state.goEnv, tempDir: ports.tempDir, arch: process.arch });
      bin = t.bin;
      source = t.source === "tool-cache" ? "tool cache" : `built from ${GOVULNCHECK.pkg}@${GOVULNCHECK.version}`;
    } catch (e) {
      return notAnalysed(`govulncheck ${GOVULNCHECK.version} could not be installed: ${e.message}`);
    }
  }
  const platforms = [...new Set(config.targets.map((t) => `${t.goos}/${t.goarch}`))];
  const runs = [];
  let version = "";
  for (const platform of platforms) {
    const [goos, goarch] = platform.split("/");
    const env = { ...state.goEnv, GOOS: goos, GOARCH: goarch, CGO_ENABLED: config.cgo ? "1" : "0", ...state.modFlag ? { GOFLAGS: `${state.goEnv.GOFLAGS ?? ""} ${state.modFlag}`.trim() } : {} };
    const r2 = await ports.exec.run(bin, govulncheckArgs({ db, tags: config.tags, patterns: ["./..."] }), { cwd: config.dir, env, timeoutMs: RUN_TIMEOUT_MS });
    if (r2.timedOut) return notAnalysed(`govulncheck did not finish within ${RUN_TIMEOUT_MS / 6e4} minutes for ${platform}`);
    if (r2.code !== 0) return notAnalysed(`govulncheck exited with code ${r2.code} for ${platform}: ${lastLine(r2.stderr || r2.stdout)}`);
    let report;
    try {
      report = parseGovulncheck(r2.stdout);
    } catch (e) {
      return notAnalysed(`${e.message} (${platform})`);
    }
    version = report.scannerVersion || version;
    runs.push({ platform, report });
  }
  return { analysed: true, runs, tool: { version, source, bin }, db };
}
function lastLine(text) {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /error|fail|cannot|no such/i.test(l)) ?? lines[lines.length - 1] ?? "(no output)").slice(0, 400);
}

// src/scan/reachability.ts
var RANK = { "not analysed": -1, required: 0, imported: 1, called: 2 };
function levelOf(f) {
  const top = f.trace[0];
  if (top.function) return "called";
  if (top.package) return "imported";
  return "required";
}
function reachabilityByOsv(runs) {
  const out = /* @__PURE__ */ new Map();
  for (const { platform, report } of runs) {
    for (const f of report.findings) {
      const level = levelOf(f);
      const path41 = level === "called" ? [...f.trace].reverse() : void 0;
      const cur = out.get(f.osv);
      if (!cur || RANK[level] > RANK[cur.level]) {
        out.set(f.osv, { osv: f.osv, level, ...path41 ? { path: path41 } : {}, platforms: [platform] });
      } else if (level === cur.level) {
        if (!cur.platforms.includes(platform)) cur.platforms.push(platform);
        if (path41 && (!cur.path || path41.length < cur.path.length)) cur.path = path41;
      }
    }
  }
  return out;
}
function mainModulesOf(runs) {
  return new Set(runs.flatMap((r2) => r2.report.findings.flatMap((f) => f.trace.filter((x) => !x.version).map((x) => x.module))));
}
function aliasIndex(runs) {
  const index = /* @__PURE__ */ new Map();
  for (const { report } of runs) {
    for (const osv of report.osvs.values()) {
      for (const id of [osv.id, ...osv.aliases]) index.set(id.toUpperCase(), osv);
    }
  }
  return index;
}
function frameText(f) {
  const pkg = f.package ? f.package.split("/").pop() : f.module;
  const name = f.function ? `${pkg}.${f.receiver ? `${f.receiver.replace(/^\*/, "")}.` : ""}${f.function}` : pkg;
  return f.position ? `${name} (${f.position.filename}:${f.position.line})` : `${name}`;
}
function pathText(path41, max = 4) {
  const shown2 = path41.slice(0, max).map(frameText);
  if (path41.length > max) shown2.splice(max - 1, shown2.length, "\u2026", frameText(path41[path41.length - 1]));
  return shown2.join(" \u2192 ");
}
function joinPath(dir, file) {
  return dir ? `${dir.replace(/\/+$/, "")}/${file}` : file;
}
function callSite(path41, moduleDir, mainModules) {
  const own = path41.filter((f) => mainModules.has(f.module) && f.position);
  const site = own[own.length - 1];
  return site?.position ? { file: joinPath(moduleDir, site.position.filename), line: site.position.line, ...site.position.column ? { column: site.position.column } : {} } : void 0;
}
function codeFlowOf(path41, moduleDir, mainModules) {
  return path41.map((f) => ({
    message: frameText(f),
    ...mainModules.has(f.module) && f.position ? { location: { file: joinPath(moduleDir, f.position.filename), line: f.position.line } } : {}
  }));
}
function describe2(level, info, why) {
  switch (level) {
    case "called":
      return `reachable: called on ${info.platforms.join(", ")} via ${pathText(info.path ?? [])}`;
    case "imported":
      return `imported, but no vulnerable function is called (${info.platforms.join(", ")})`;
    case "required":
      return "required only: no vulnerable package is imported";
    default:
      return `reachability not analysed${why ? ` (${why})` : ""}`;
  }
}
function meetsPolicy(level, policy) {
  if (policy === "any" || level === "not analysed") return true;
  return RANK[level] >= RANK[policy];
}
function joinReachability(advisories, runs, o) {
  const reach = reachabilityByOsv(runs);
  const index = aliasIndex(runs);
  const mainModules = mainModulesOf(runs);
  const seenOsv = /* @__PURE__ */ new Set();
  const joined = [];
  for (const a of advisories) {
    const osv = index.get(a.id.toUpperCase());
    if (osv) seenOsv.add(osv.id);
    const info = osv ? reach.get(osv.id) : void 0;
    const level = !o.analysed ? "not analysed" : info ? info.level : osv ? "required" : "not analysed";
    const why = !o.analysed ? o.notAnalysedReason : !osv ? "not in the Go vulnerability database govulncheck used" : void 0;
    const dormant = a.finding.severity === "error" && !meetsPolicy(level, o.policy);
    if (!o.analysed && o.policy === "any") {
      joined.push({ finding: a.finding, reachability: level, platforms: [], dormant: false, source: "trivy", id: a.id });
      continue;
    }
    const f = {
      ...a.finding,
      ...dormant ? { severity: "warning" } : {},
      message: `${a.finding.message} Reachability: ${describe2(level, info, why)}${dormant ? `; dormant under vuln-reachability: ${o.policy}, so it does not fail the gate` : ""}.`
    };
    if (level === "called" && info?.path) {
      const site = callSite(info.path, o.moduleDir, mainModules);
      if (site) f.location = site;
    }
    joined.push({ finding: f, reachability: level, ...info?.path ? { path: info.path } : {}, platforms: info?.platforms ?? [], dormant, source: "trivy", id: a.id });
  }
  const rules = [];
  for (const info of reach.values()) {
    if (seenOsv.has(info.osv)) continue;
    const osv = [...index.values()].find((x) => x.id === info.osv);
    const module2 = osv.modules[0] ?? "unknown module";
    const r2 = rule({
      id: ruleIdFor(info.osv),
      name: `Vulnerability${info.osv.replace(/[^A-Za-z0-9]+/g, "")}`,
      shortDescription: `${info.osv}: ${osv.summary || `a vulnerability in ${module2}`}`.slice(0, 1e3),
      fullDescription: `${info.osv}${osv.aliases.length ? ` (${osv.aliases.join(", ")})` : ""} in ${module2}, reported by govulncheck from the Go vulnerability database (which carries no severity): ${osv.summary}`.slice(0, 4e3),
      help: `See https://pkg.go.dev/vuln/${info.osv}. Upgrade the module (or the Go version, for the standard library) to a fixed version.`,
      helpUri: `https://pkg.go.dev/vuln/${info.osv}`,
      defaultSeverity: o.govulncheckOnlySeverity,
      tool: "govulncheck"
    });
    rules.push(r2);
    const meets = meetsPolicy(info.level, o.policy) && info.level === "called";
    const severity2 = meets ? o.govulncheckOnlySeverity : "warning";
    const location = (info.level === "called" && info.path ? callSite(info.path, o.moduleDir, mainModules) : void 0) ?? o.requireLocation(module2);
    const f = finding(r2, "scan", {
      severity: severity2,
      message: `${module2} has ${info.osv}${osv.aliases.length ? ` (${osv.aliases.join(", ")})` : ""}: ${osv.summary || "see the advisory"}. Reported by govulncheck only. Reachability: ${describe2(info.level, info)}${severity2 === "warning" && info.level !== "called" ? "; not called, so it does not fail the gate" : ""}.`,
      ...location ? { location } : {},
      subject: `govulncheck\0${info.osv}`
    });
    joined.push({ finding: f, reachability: info.level, ...info.path ? { path: info.path } : {}, platforms: info.platforms, dormant: severity2 === "warning", source: "govulncheck", id: info.osv });
  }
  return { joined, rules };
}

// src/scan/reach-stage.ts
async function reachabilityStep(ctx, scan, gomod) {
  const { config } = ctx;
  const run4 = await runReachability(ctx);
  const moduleDir = displayPath(config.workspace, config.dir);
  const requireLocation = (module2) => {
    if (!gomod) return void 0;
    const r2 = gomod.gomod?.requires.find((x) => x.path === module2);
    return { file: gomod.file, line: r2?.line ?? gomod.gomod?.module.line ?? 1 };
  };
  const { joined, rules } = joinReachability(
    scan.findings.map((f, i) => ({ finding: f, id: scan.rows[i].vuln.id })),
    run4.runs,
    {
      policy: config.vulnReachability,
      analysed: run4.analysed,
      ...run4.reason ? { notAnalysedReason: run4.reason } : {},
      moduleDir,
      requireLocation,
      govulncheckOnlySeverity: config.severity === "NONE" ? "warning" : "error"
    }
  );
  const mainModules = mainModulesOf(run4.runs);
  const findings = joined.map((j) => withFlow(j, moduleDir, mainModules));
  const cell2 = (j) => `${j.reachability}${j.path ? `: ${pathText(j.path, 3)}` : ""}`;
  const reachability = joined.filter((j) => j.source === "trivy").map(cell2);
  const extraRows = joined.filter((j) => j.source === "govulncheck").map((j) => [
    j.id,
    "none in the Go DB",
    j.finding.message.split(" has ")[0],
    "",
    "",
    j.finding.location?.file ? `${j.finding.location.file}:${j.finding.location.line ?? 1}` : "",
    cell2(j),
    j.finding.severity === "error" ? "fails the gate" : "dormant (warning)"
  ]);
  const details = [
    run4.analysed ? `Reachability: govulncheck ${run4.tool.version} (${run4.tool.source}), DB ${run4.db}, source mode on ${run4.runs.map((r2) => r2.platform).join(", ")}; policy vuln-reachability: ${config.vulnReachability}.` : `Reachability: not analysed (${run4.reason}); every advisory is gated as found.`
  ];
  return {
    findings,
    rules,
    reachability,
    extraRows,
    details,
    ...run4.analysed ? { tool: { name: "govulncheck", version: run4.tool.version, informationUri: "https://go.dev/security/vuln" } } : {},
    metrics: {
      reachability: run4.analysed ? "analysed" : "not analysed",
      called: joined.filter((j) => j.reachability === "called").length,
      dormant: joined.filter((j) => j.dormant).length
    }
  };
}
function withFlow(j, moduleDir, mainModules) {
  if (j.reachability !== "called" || !j.path) return j.finding;
  return { ...j.finding, codeFlow: codeFlowOf(j.path, moduleDir, mainModules), properties: { reachability: j.reachability, platforms: j.platforms.join(",") } };
}

// src/tools/trivy.ts
var TRIVY_DEFAULT_VERSION = "0.74.0";
var CM_HP = "cert-manager/makefile-modules modules/tools/00_mod.mk and cashapp/hermit-packages trivy.hcl";
var SC_WG = "ScoopInstaller/Main bucket/trivy.json and microsoft/winget-pkgs AquaSecurity.Trivy installer manifest";
var TRIVY_DIGESTS = {
  "0.74.0": {
    // CM @ a319a8bb56c820577522c8561ac27ecfd86ca72f; HP @ e97df12c137986c7c87303128e0c1a0b6bda1f2b
    "trivy_0.74.0_Linux-64bit.tar.gz": { sha256: "2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a", source: CM_HP },
    "trivy_0.74.0_Linux-ARM64.tar.gz": { sha256: "b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5", source: CM_HP },
    "trivy_0.74.0_macOS-64bit.tar.gz": { sha256: "472816f6888dda689d075c30254d4210b4d1035acf365aa72332f584c2f60485", source: CM_HP },
    "trivy_0.74.0_macOS-ARM64.tar.gz": { sha256: "1caada5e0e2091909357c7525d3aa76f4b660b13821bc143b190c7483e31cc11", source: CM_HP },
    // SC @ 43c6305a9a79730a570993dbfb8aafb6b8fa77a1; WG @ 87c04f5c8ecb67e50f6bab9e5e4d1d072f5ef011
    "trivy_0.74.0_windows-64bit.zip": { sha256: "94c40e0696e4b907a74b7b2e1438d5d72ebaca83115817407f568a002d520842", source: SC_WG }
  },
  "0.73.0": {
    // CM @ f4093e5f74c0918c07ecdc9cf68dc8074fab312f; HP trivy.hcl
    "trivy_0.73.0_Linux-64bit.tar.gz": { sha256: "2edd39da482bb4e9831962487b68f68e3928ec3137794757f54d00383d79547b", source: CM_HP },
    "trivy_0.73.0_Linux-ARM64.tar.gz": { sha256: "13833d97e8a1a5367471c372a173180157f593bece570e20d5d925fef552f5dd", source: CM_HP },
    "trivy_0.73.0_macOS-64bit.tar.gz": { sha256: "d39d1374dd3e35d48621b82df9b6625fe69f9920cc67d2739ed81bb679f16f51", source: CM_HP },
    "trivy_0.73.0_macOS-ARM64.tar.gz": { sha256: "80cc25faaf6378e37701202d0b4f9f43d9e413d198d594ba60fdf559fe44a683", source: CM_HP },
    // SC @ e05380d45388f71e210ff56b50dd32420f659811; WG @ 2a7c730eacf1eb21aa34741119e17917e7fbb5d0
    "trivy_0.73.0_windows-64bit.zip": { sha256: "d2d3ad5292aae470a03eb6506db86fce81b1894592b8451cadaf60eaa22f2025", source: SC_WG }
  },
  "0.72.0": {
    // CM @ a02553fab4a457a12c77e718bd638820d5ad9832; HP trivy.hcl
    "trivy_0.72.0_Linux-64bit.tar.gz": { sha256: "bbb64b9695866ce4a7a8f5c9592002c5961cab378577fa3f8a040df362b9b2ea", source: CM_HP },
    "trivy_0.72.0_Linux-ARM64.tar.gz": { sha256: "2ca2c023109c2db6b2b77366b6717291452d4531167377d95c79547f0c8e3467", source: CM_HP },
    "trivy_0.72.0_macOS-64bit.tar.gz": { sha256: "ee5e60df8a98e5b89fd74a6d86f9e5c7e9a266a35002cb1e43291698b3bfee08", source: CM_HP },
    "trivy_0.72.0_macOS-ARM64.tar.gz": { sha256: "88f208680dc05da2b459e19b4f5aa2b4dc7c2117892ba4aab2ae63baba330016", source: CM_HP },
    // SC @ 1d88e2f36569a9132a19bb468165e14e03cef705; WG @ 803f64101b9e56c31ff3c64e1f0c3f9a6e387e2b
    "trivy_0.72.0_windows-64bit.zip": { sha256: "ed3cf122060f61818fe1f735fd97557954e16e10bc8b058af9852271cf2e91b3", source: SC_WG }
  }
};
var REFUSED_TRIVY_VERSIONS = {
  "0.69.4": "it is the malicious release published with credential-stealing code on 2026-03-19 (GHSA-69fq-xp46-6x23, CVE-2026-33634); use 0.69.3 or later than 0.69.6",
  "0.69.5": "no such release was published; the tag was pushed by the attacker of the 0.69.4 release (GHSA-69fq-xp46-6x23)",
  "0.69.6": "no such release was published; the tag was pushed by the attacker of the 0.69.4 release (GHSA-69fq-xp46-6x23)"
};
var TrivyVersionError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TrivyVersionError";
  }
};
var VERSION = /^\d+\.\d+\.\d+$/;
function normalizeTrivyVersion(value) {
  const v = value.replace(/^v/, "");
  if (!VERSION.test(v)) throw new TrivyVersionError(`"${value}" is not a Trivy version like ${TRIVY_DEFAULT_VERSION} (or "system" for the trivy on PATH)`);
  return v;
}
function trivyAssetName(version, os8, arch) {
  const o = os8.toLowerCase();
  const a = arch.toLowerCase();
  const cpu = a === "x64" || a === "amd64" ? "64bit" : a === "arm64" ? "ARM64" : void 0;
  if (!cpu) return void 0;
  if (o === "linux") return `trivy_${version}_Linux-${cpu}.tar.gz`;
  if (o === "macos" || o === "darwin") return `trivy_${version}_macOS-${cpu}.tar.gz`;
  if ((o === "windows" || o === "windows_nt" || o === "win32") && cpu === "64bit") return `trivy_${version}_windows-64bit.zip`;
  return void 0;
}
function trivyAsset(req) {
  const version = normalizeTrivyVersion(req.version);
  const refused = REFUSED_TRIVY_VERSIONS[version];
  if (refused) throw new TrivyVersionError(`Trivy ${version} is refused: ${refused}`);
  const asset = trivyAssetName(version, req.os, req.arch);
  if (!asset) throw new TrivyVersionError(`Trivy publishes no release archive for ${req.os}/${req.arch}`);
  const entry = (req.table ?? TRIVY_DIGESTS)[version]?.[asset];
  let sha256;
  let digestSource;
  if (entry && req.userSha256 && req.userSha256 !== entry.sha256) {
    throw new TrivyVersionError(`trivy-sha256 ${req.userSha256} disagrees with the digest go-release-gate pins for ${asset} (${entry.sha256}, from ${entry.source}); remove trivy-sha256 or check where it came from`);
  }
  if (entry) {
    sha256 = entry.sha256;
    digestSource = `the digest pinned in go-release-gate (${entry.source})`;
  } else if (req.userSha256) {
    sha256 = req.userSha256;
    digestSource = "the trivy-sha256 input";
  } else {
    throw new TrivyVersionError(`Trivy ${version} (${asset}) is not in go-release-gate's digest table, and a release's own checksums file cannot vouch for it (a swapped release swaps both): set trivy-sha256 to the archive's SHA-256 from a source you trust, or use trivy-version ${TRIVY_DEFAULT_VERSION}`);
  }
  return {
    tool: "trivy",
    version,
    arch: req.nodeArch,
    url: `${req.baseUrl}/v${version}/${asset}`,
    asset,
    sha256,
    digestSource,
    packing: asset.endsWith(".zip") ? "zip" : "tar.gz",
    program: asset.endsWith(".zip") ? "trivy.exe" : "trivy"
  };
}
async function installTrivy(tools, log, req) {
  const asset = trivyAsset(req);
  const got = await installTool(tools, asset, log);
  return { bin: got.bin, source: got.source, sha256: got.sha256, digestSource: asset.digestSource };
}
function describeTrivySource(s) {
  const verified = s.sha256 ? `, archive SHA-256 ${s.sha256} verified against ${s.digestSource}` : "";
  switch (s.source) {
    case "trivy-path":
      return `trivy-path ${s.bin}`;
    case "PATH":
      return `the trivy on PATH (${s.bin})`;
    case "tool-cache":
      return `the tool cache (${s.bin}; installed by an earlier run${verified})`;
    case "download":
      return `downloaded into the tool cache (${s.bin}${verified})`;
  }
}

// src/scan/db.ts
var import_node_fs25 = __gateBuiltin("node:fs");
var import_node_path28 = __gateBuiltin("node:path");
function date(v) {
  if (typeof v !== "string") return void 0;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? void 0 : d;
}
function readDbMetadata(cacheDir) {
  const dir = import_node_path28.default.join(cacheDir, "db");
  try {
    if (!import_node_fs25.default.statSync(import_node_path28.default.join(dir, "trivy.db")).isFile()) return void 0;
    const m = JSON.parse(import_node_fs25.default.readFileSync(import_node_path28.default.join(dir, "metadata.json"), "utf8"));
    const nextUpdate = date(m.NextUpdate);
    const updatedAt = date(m.UpdatedAt);
    if (!nextUpdate || !updatedAt || typeof m.Version !== "number") return void 0;
    const downloadedAt = date(m.DownloadedAt);
    return { version: m.Version, nextUpdate, updatedAt, ...downloadedAt ? { downloadedAt } : {} };
  } catch {
    return void 0;
  }
}
function isFresh(meta, nowMs2) {
  return !!meta && meta.nextUpdate.getTime() > nowMs2;
}
function formatAge(ms) {
  const m = Math.floor(ms / 6e4);
  const d = Math.floor(m / 1440);
  const h = Math.floor(m % 1440 / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m % 60}m`;
  return `${m}m`;
}
function dbAgeMs(meta, nowMs2) {
  return Math.max(0, nowMs2 - meta.updatedAt.getTime());
}
function dbNotWorthSaving(cacheDir, nowMs2) {
  const m = readDbMetadata(cacheDir);
  if (!m) return "no complete vulnerability DB in the directory";
  if (!isFresh(m, nowMs2)) return `the DB is due for an update since ${m.nextUpdate.toISOString()} (not refreshed this run)`;
  return void 0;
}
function downloadDbArgs(cacheDir, repository) {
  return ["image", "--download-db-only", "--cache-dir", cacheDir, "--db-repository", repository, "--skip-version-check", "--disable-telemetry", "--no-progress"];
}
function isRetryable(stderr) {
  return /TOOMANYREQUESTS|too many requests|\b429\b|status code 5\d\d|\b50[0234]\b|Service Unavailable|Bad Gateway|Gateway Timeout|Internal Server Error/i.test(stderr);
}
var CAUSES = [/TOOMANYREQUESTS|Too Many Requests|unexpected status|connection refused|no such host|i\/o timeout|MANIFEST_UNKNOWN|NAME_UNKNOWN|UNAUTHORIZED|DENIED/i, /FATAL/, /ERROR|error/];
function lastErrorLine(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean).reverse();
  for (const re of CAUSES) {
    const hit = lines.find((l) => re.test(l));
    if (hit) return hit.replace(/^\*\s*/, "").slice(0, 600);
  }
  return (lines[0] ?? "(no output)").slice(0, 600);
}
var DbFetchError = class extends Error {
  attempts;
  constructor(message, attempts) {
    super(message);
    this.name = "DbFetchError";
    this.attempts = attempts;
  }
};
var sleepMs = (ms) => new Promise((r2) => setTimeout(r2, ms));
async function fetchDb(o) {
  const rounds = o.rounds ?? 3;
  const base3 = o.baseDelayMs ?? 2e3;
  const sleep = o.sleep ?? sleepMs;
  const attempts = [];
  import_node_fs25.default.mkdirSync(import_node_path28.default.dirname(o.cacheDir), { recursive: true });
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) {
      const wait = base3 * 2 ** (round - 2);
      o.log.info(`Trivy DB: every repository failed with a rate limit or server error; retrying in ${formatDuration(wait)} (round ${round} of ${rounds})`);
      await sleep(wait);
    }
    for (const repository of o.repositories) {
      const scratch = import_node_fs25.default.mkdtempSync(`${o.cacheDir}.fetch-`);
      const cwd = import_node_fs25.default.mkdtempSync(import_node_path28.default.join(o.tempDir, "trivy-db-cwd-"));
      try {
        o.log.info(`Trivy DB: fetching from ${repository}`);
        const r2 = await o.exec.run(o.trivy, downloadDbArgs(scratch, repository), { cwd, env: o.env, timeoutMs: o.timeoutMs ?? 10 * 6e4 });
        const text = `${r2.stderr}
${r2.stdout}`;
        if (r2.code === 0 && readDbMetadata(scratch)) {
          import_node_fs25.default.mkdirSync(o.cacheDir, { recursive: true });
          import_node_fs25.default.rmSync(import_node_path28.default.join(o.cacheDir, "db"), { recursive: true, force: true });
          import_node_fs25.default.renameSync(import_node_path28.default.join(scratch, "db"), import_node_path28.default.join(o.cacheDir, "db"));
          attempts.push({ repository, round, ok: true, retryable: false });
          return { repository, attempts };
        }
        const error = r2.timedOut ? "timed out" : r2.code === 0 ? "exited 0 but left no DB" : lastErrorLine(text);
        const retryable = r2.timedOut === true || isRetryable(text);
        attempts.push({ repository, round, ok: false, retryable, error });
        o.log.info(`Trivy DB: ${repository} failed${retryable ? " (retryable)" : ""}: ${error}`);
      } catch (e) {
        attempts.push({ repository, round, ok: false, retryable: false, error: `trivy could not be started: ${e.message}` });
      } finally {
        import_node_fs25.default.rmSync(scratch, { recursive: true, force: true });
        import_node_fs25.default.rmSync(cwd, { recursive: true, force: true });
      }
    }
    if (!attempts.some((a) => a.round === round && a.retryable)) break;
  }
  const last = /* @__PURE__ */ new Map();
  for (const a of attempts) last.set(a.repository, a.error ?? "");
  throw new DbFetchError(`failed to download vulnerability DB from ${[...last].map(([r2, e]) => `${r2} (${e})`).join("; ")}`, attempts);
}
var HOWTO = "set scan: off to not scan, or trivy-path with trivy-cache-dir holding a DB you provide";
async function prepareDb(o) {
  const before = readDbMetadata(o.cacheDir);
  const described = (m, source, extra = {}) => ({
    source,
    updatedAt: m.updatedAt.toISOString(),
    ageMs: dbAgeMs(m, o.nowMs),
    attempts: [],
    ...extra
  });
  if (isFresh(before, o.nowMs)) return described(before, `${o.origin}, fresh (next update due ${before.nextUpdate.toISOString()})`);
  if (o.noFetch) {
    if (!before) throw new Error(`Trivy has no vulnerability DB in ${o.cacheDir} (no db/trivy.db) and trivy-skip-db-update is true, so it may not download one: populate the cache dir or set trivy-skip-db-update: false`);
    return described(before, `${o.origin}, not refreshed (trivy-skip-db-update)`);
  }
  try {
    const got = await fetchDb(o);
    const m = readDbMetadata(o.cacheDir);
    return described(m, `downloaded from ${got.repository}`, { repository: got.repository, attempts: got.attempts });
  } catch (e) {
    const attempts = e instanceof DbFetchError ? e.attempts : [];
    const why = e.message;
    if (before && dbAgeMs(before, o.nowMs) < o.maxAgeMs) {
      const age = formatAge(dbAgeMs(before, o.nowMs));
      const warning = `Trivy could not refresh its vulnerability DB (${why}); scanning with the DB ${o.origin}, updated ${before.updatedAt.toISOString()} (${age} old, within trivy-db-max-age): advisories published since then are not seen`;
      return described(before, `${o.origin}, not refreshed (fetch failed)`, { attempts, warning });
    }
    const have = before ? `only a DB updated ${before.updatedAt.toISOString()} (${formatAge(dbAgeMs(before, o.nowMs))} old, beyond trivy-db-max-age)` : "no DB";
    throw new DbFetchError(`Trivy has no usable vulnerability DB in ${o.cacheDir} and could not download one: ${why}; there is ${have}. The scan cannot run: ${HOWTO}`, attempts);
  }
}

// src/stages/scan.ts
function sentenceCase(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
var IGNORE_EXPIRED = rule({
  id: "scan/ignore-expired",
  name: "IgnoreEntryExpired",
  shortDescription: "A .trivyignore entry has expired and no longer suppresses its advisory.",
  fullDescription: "An entry of the Trivy ignore file carries an expiry date that has passed. Trivy applies it no more: the advisory is reported (and gated) again.",
  help: "Fix the vulnerability, or, if the risk is still accepted, renew the entry with a new expiry date and a statement saying why.",
  defaultSeverity: "warning"
});
var IGNORE_UNMATCHED = rule({
  id: "scan/ignore-unmatched",
  name: "IgnoreEntryUnmatched",
  shortDescription: "A .trivyignore entry matched no vulnerability.",
  fullDescription: "An entry of the Trivy ignore file names an advisory that the scan did not find (fixed, or a typo in the id). It suppresses nothing.",
  help: "Remove the entry when the vulnerability is fixed; otherwise check the id against the advisory.",
  defaultSeverity: "note"
});
var SCAN_RULES = [IGNORE_EXPIRED, IGNORE_UNMATCHED];
var TRIVY_TIMEOUT_MS = 20 * 60 * 1e3;
async function findTrivy(ctx) {
  const { config, ports } = ctx;
  if (config.trivyPath) {
    if (!isExecutableFile(config.trivyPath)) throw new Error(`Trivy not found: trivy-path ${config.trivyPath} is not an executable file`);
    return { bin: config.trivyPath, source: "trivy-path" };
  }
  if (config.trivyVersion === "system") {
    const bin = findOnPath("trivy", ports.env.PATH);
    return bin ? { bin, source: "PATH" } : void 0;
  }
  try {
    return await installTrivy(ports.tools, ports.log, {
      version: config.trivyVersion,
      baseUrl: config.trivyDownloadBaseUrl,
      os: ports.platform.os,
      arch: ports.platform.arch,
      nodeArch: process.arch,
      userSha256: config.trivySha256
    });
  } catch (e) {
    throw new Error(`Trivy ${config.trivyVersion} could not be installed: ${e.message}. The release is not scanned; set scan: off to not scan, or trivy-path to a Trivy you provide`);
  }
}
function gateTrivyCacheDir(ctx) {
  return import_node_path29.default.join(ctx.ports.tempDir, "go-release-gate-trivy");
}
function trivyEnv(ctx) {
  return childEnv("trivy", ctx.ports.env);
}
function lastErrorLine2(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.reverse().find((l) => /FATAL|ERROR|error/.test(l)) ?? lines[0] ?? "(no output)").slice(0, 600);
}
function explainTrivyFailure(what, code2, stderr, cacheDir, skipDbUpdate) {
  const line = lastErrorLine2(stderr);
  const where4 = cacheDir ? `in ${cacheDir}` : "in Trivy's default cache dir";
  if (/--skip-db-update cannot be specified on the first run|first run/i.test(stderr) || skipDbUpdate && /no such file|not found/i.test(stderr) && /db/i.test(stderr)) {
    return `Trivy has no vulnerability DB ${where4} and trivy-skip-db-update is true, so it may not download one: populate the cache dir (trivy image --download-db-only --cache-dir DIR) or set trivy-skip-db-update: false (${line})`;
  }
  if (/failed to download vulnerability DB|DB error|download.*db|db.*download/i.test(stderr)) {
    return `Trivy has no usable vulnerability DB ${where4} and could not download one (rate limit or no network?); cache trivy-cache-dir between runs or set TRIVY_DB_REPOSITORY to a mirror (${line})`;
  }
  return `${what} exited with code ${code2}: ${line}`;
}
function findIgnoreFile(ctx) {
  for (const dir of [ctx.config.dir, ctx.config.workspace]) {
    for (const name of IGNORE_FILE_NAMES) {
      const p = import_node_path29.default.join(dir, name);
      if (import_node_fs26.default.existsSync(p) && import_node_fs26.default.statSync(p).isFile()) return p;
    }
  }
  return void 0;
}
function trivyHome(ctx) {
  import_node_fs26.default.mkdirSync(ctx.ports.tempDir, { recursive: true });
  const dir = import_node_fs26.default.mkdtempSync(import_node_path29.default.join(ctx.ports.tempDir, "trivy-"));
  const config = import_node_path29.default.join(dir, "trivy.yaml");
  import_node_fs26.default.writeFileSync(config, "", { flag: "wx" });
  return { dir, config };
}
async function runTrivy(ctx, trivy, home, kind, target, ignoreFile, skipDirs, n) {
  const output = import_node_path29.default.join(home.dir, `trivy-${kind}-${n}.json`);
  import_node_fs26.default.rmSync(output, { force: true });
  const args = trivyScanArgs(kind, target, { cacheDir: ctx.config.trivyCacheDir, skipDbUpdate: ctx.config.trivySkipDbUpdate, output, config: home.config, ignoreFile, skipDirs });
  ctx.ports.log.info(`trivy ${args.join(" ")}`);
  let r2;
  try {
    r2 = await ctx.ports.exec.run(trivy, args, { cwd: home.dir, env: trivyEnv(ctx), timeoutMs: TRIVY_TIMEOUT_MS });
  } catch (e) {
    throw new Error(`trivy ${kind} could not be started (${trivy}): ${e.message}`);
  }
  if (r2.timedOut) throw new Error(`trivy ${kind} ${displayPath(ctx.config.workspace, target)} did not finish within ${TRIVY_TIMEOUT_MS / 6e4} minutes`);
  if (r2.code !== 0) throw new Error(explainTrivyFailure(`trivy ${kind} ${displayPath(ctx.config.workspace, target)}`, r2.code, r2.stderr, ctx.config.trivyCacheDir, ctx.config.trivySkipDbUpdate));
  if (!import_node_fs26.default.existsSync(output)) throw new Error(`trivy ${kind} ${displayPath(ctx.config.workspace, target)} exited 0 but wrote no report`);
  try {
    return parseTrivyReport(import_node_fs26.default.readFileSync(output, "utf8"));
  } catch (e) {
    throw new Error(`trivy ${kind} ${displayPath(ctx.config.workspace, target)}: ${e.message}`);
  } finally {
    import_node_fs26.default.rmSync(output, { force: true });
  }
}
function parsedGoMod(text, file, ctx) {
  try {
    return parseGoMod(text, displayPath(ctx.config.workspace, file));
  } catch {
    return void 0;
  }
}
function today() {
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
async function run2(ctx) {
  const { config } = ctx;
  if (config.scan === "off") return skipped('scan input "off"');
  const found = await findTrivy(ctx);
  if (!found) {
    const why = "Trivy was not found (trivy-version: system and no trivy on PATH)";
    if (config.scan === "on") throw new Error(`${why}; scan is "on", so the gate cannot pass without it`);
    ctx.ports.log.warning(`${why}: the release is not scanned for vulnerabilities. Remove trivy-version: system to let the gate install a verified Trivy, set scan: on to require a scan, scan: off to say you do not want it.`);
    return skipped(`${why}; set scan: on to require a scan`);
  }
  const home = trivyHome(ctx);
  try {
    return await scanWith(ctx, found, home);
  } finally {
    import_node_fs26.default.rmSync(home.dir, { recursive: true, force: true });
  }
}
async function scanWith(ctx, found, home) {
  const { config } = ctx;
  const trivy = found.bin;
  const verArgs = ["--version", "--format", "json", "--config", home.config, ...config.trivyCacheDir ? ["--cache-dir", config.trivyCacheDir] : []];
  let ver;
  try {
    ver = await ctx.ports.exec.run(trivy, verArgs, { cwd: home.dir, env: trivyEnv(ctx), timeoutMs: 6e4 });
  } catch (e) {
    throw new Error(`Trivy at ${trivy} could not be started: ${e.message}`);
  }
  if (ver.code !== 0) throw new Error(`Trivy at ${trivy} does not run (trivy --version exited with code ${ver.code}): ${lastErrorLine2(ver.stderr || ver.stdout)}`);
  const version = parseTrivyVersion2(ver.stdout);
  const restore = config.trivyCacheDir ? void 0 : await restoreTrivyDb(ctx, gateTrivyCacheDir(ctx));
  const cacheDir = config.trivyCacheDir || restore.dir;
  const db = await prepareDb({
    exec: ctx.ports.exec,
    trivy,
    env: trivyEnv(ctx),
    cacheDir,
    repositories: config.trivyDbRepositories,
    tempDir: ctx.ports.tempDir,
    log: ctx.ports.log,
    nowMs: Date.now(),
    maxAgeMs: config.trivyDbMaxAgeMs,
    origin: restore ? restore.matchedKey ? `restored from the cache (${restore.matchedKey})` : "in the gate's Trivy cache dir" : `in trivy-cache-dir ${cacheDir}`,
    noFetch: config.trivySkipDbUpdate
  });
  if (db.warning) ctx.ports.log.warning(db.warning);
  ctx = { ...ctx, config: { ...config, trivyCacheDir: cacheDir, trivySkipDbUpdate: true } };
  const ignoreFile = findIgnoreFile(ctx);
  const entries = ignoreFile ? parseIgnoreFile(ignoreFile, import_node_fs26.default.readFileSync(ignoreFile, "utf8")) : [];
  const skipDirs = [];
  const outRel = import_node_path29.default.relative(config.dir, config.outDir);
  if (outRel && !outRel.startsWith("..") && !import_node_path29.default.isAbsolute(outRel)) skipDirs.push(outRel.split(import_node_path29.default.sep).join("/"));
  const modules = [];
  for (const r2 of await runTrivy(ctx, trivy, home, "fs", config.dir, ignoreFile, skipDirs, 0)) {
    if (r2.type !== "gomod" || r2.target !== "go.mod") continue;
    const file = import_node_path29.default.join(config.dir, "go.mod");
    modules.push({ file: displayPath(ctx.config.workspace, file), gomod: parsedGoMod(import_node_fs26.default.readFileSync(file, "utf8"), file, ctx), result: r2 });
  }
  const binaries = [];
  const bins = ctx.state.artifacts.filter((a) => a.goos !== "" && a.goarch !== "");
  const dirs = [...new Set(bins.map((a) => import_node_path29.default.dirname(a.path)))];
  const unread = new Set(bins.map((a) => a.displayPath));
  for (const [i, dir] of dirs.entries()) {
    for (const r2 of await runTrivy(ctx, trivy, home, "rootfs", dir, ignoreFile, [], i + 1)) {
      const a = bins.find((b) => b.path === import_node_path29.default.join(dir, r2.target));
      if (!a || r2.type !== "gobinary") continue;
      unread.delete(a.displayPath);
      binaries.push({ artifact: a.displayPath, result: r2 });
    }
  }
  const goModFile = import_node_path29.default.join(config.dir, "go.mod");
  const goModText = import_node_fs26.default.existsSync(goModFile) ? import_node_fs26.default.readFileSync(goModFile, "utf8") : void 0;
  const missing = unscanned({
    ...goModText !== void 0 ? { goMod: { file: displayPath(ctx.config.workspace, goModFile), needsScan: goModNeedsScan(parsedGoMod(goModText, goModFile, ctx), goModText), scanned: modules.length > 0 } } : {},
    binaries: bins.map((a) => ({ file: a.displayPath, scanned: !unread.has(a.displayPath) }))
  });
  if (missing.length) {
    throw new Error(`Trivy's report has no result for ${missing.join(", ")}: ${missing.length === 1 ? "it was" : "they were"} not scanned, so the scan cannot pass. Trivy runs with an empty config of its own; check trivy-path is a real Trivy and that the files are readable Go modules and binaries.`);
  }
  const scan = scanFindings(modules, binaries, config.severity);
  const reach = await reachabilityStep(ctx, scan, modules[0]);
  const findings = [...reach.findings];
  const ignoreRel = ignoreFile ? displayPath(ctx.config.workspace, ignoreFile) : "";
  const now = today();
  const matched = /* @__PURE__ */ new Set([...scan.ignored.map((i) => i.vuln.id), ...scan.rows.map((r2) => r2.vuln.id)]);
  for (const e of entries) {
    if (isExpired(e, now)) {
      findings.push(finding(IGNORE_EXPIRED, "scan", {
        message: `${ignoreRel}:${e.line}: the entry for ${e.id} expired on ${e.expires}; Trivy no longer applies it${matched.has(e.id) ? ` and ${e.id} is reported again` : ""}`,
        location: { file: ignoreRel, line: e.line },
        subject: `${e.id}\0${e.expires}`
      }));
    } else if (!matched.has(e.id)) {
      findings.push(finding(IGNORE_UNMATCHED, "scan", {
        message: `${ignoreRel}:${e.line}: ${e.id} matched no vulnerability in this scan; the entry suppresses nothing`,
        location: { file: ignoreRel, line: e.line },
        subject: e.id
      }));
    }
  }
  const result = (f) => f.severity === "error" ? "fails the gate" : /dormant under/.test(f.message) ? "dormant (warning)" : f.severity;
  const rows = scan.rows.map(({ vuln: v, where: where4 }, i) => [v.id, v.severity, v.pkg, v.installed, v.fixed || "none", where4.join(", "), reach.reachability[i] ?? "", result(reach.findings[i])]);
  for (const extra of reach.extraRows) rows.push(extra);
  const ignoredLines = [];
  for (const ig of scan.ignored) {
    const e = entries.find((x) => x.id === ig.vuln.id);
    const until = e?.expires ? `until ${e.expires}` : "no expiry";
    const source = `${ignoreRel || ig.source}${e ? `:${e.line}` : ""}`;
    const why = ig.statement || e?.statement;
    rows.push([ig.vuln.id, ig.vuln.severity, ig.vuln.pkg, ig.vuln.installed, ig.vuln.fixed || "none", ig.where.join(", "), "", `ignored by ${source} (${until})${why ? `: ${why}` : ""}`]);
    ignoredLines.push(`${ig.vuln.id} (${ig.vuln.severity}) in ${ig.vuln.pkg} ${ig.vuln.installed}: ignored by ${source}, ${until}${why ? `, "${why}"` : ""}`);
  }
  const dbText = db.updatedAt ? `vulnerability DB updated ${db.updatedAt} (${formatAge(db.ageMs ?? 0)} old), ${db.source}` : `vulnerability DB ${db.source}`;
  const details = [
    `Trivy ${version.version} from ${describeTrivySource(found)}.`,
    `${sentenceCase(dbText)}; cache dir ${cacheDir}${restore ? ` (${restore.text})` : ""}.`,
    ...db.warning ? [`Warning: ${db.warning}.`] : [],
    `Scanned: ${modules.map((m) => m.file).join(", ") || "no go.mod"}; binaries: ${binaries.map((b) => b.artifact).join(", ") || "none"}.`,
    `Gate threshold: ${config.severity === "NONE" ? "none (vulnerabilities never fail the gate)" : `${config.severity} and above fail the gate`}.`,
    ignoreFile ? `Ignore file: ${ignoreRel} (${entries.length} entr${entries.length === 1 ? "y" : "ies"}).` : "No ignore file (.trivyignore, .trivyignore.yaml).",
    ...ignoredLines.map((l) => `Ignored: ${l}`),
    ...reach.details
  ].join("\n");
  if (ignoredLines.length) ctx.ports.log.info(`ignored by ${ignoreRel}: ${ignoredLines.join("; ")}`);
  return {
    status: statusFrom(findings),
    findings,
    ...rows.length ? { table: { header: ["Advisory", "Severity", "Module", "Installed", "Fixed", "Where", "Reachability", "Result"], rows } } : {},
    details,
    rules: [...scan.rules, ...reach.rules],
    tools: [{ name: "trivy", version: version.version, informationUri: "https://trivy.dev" }, ...reach.tool ? [reach.tool] : []],
    metrics: {
      vulnerabilities: scan.findings.length,
      ignored: scan.ignored.length,
      binariesScanned: binaries.length,
      trivyVersion: version.version,
      threshold: config.severity,
      trivySource: found.source,
      ...found.sha256 ? { trivySha256: found.sha256 } : {},
      dbSource: db.source,
      ...db.updatedAt ? { dbUpdatedAt: db.updatedAt, dbAge: formatAge(db.ageMs ?? 0) } : {},
      ...db.repository ? { dbRepository: db.repository } : {},
      dbFetchAttempts: db.attempts.length,
      ...reach.metrics
    }
  };
}
var scanStage = { name: "scan", rules: SCAN_RULES, runtimeRuleIds: /^scan\/(cve|ghsa|go)-[a-z0-9-]+$/, run: run2 };

// src/stages/sign.ts
var import_node_fs27 = __gateBuiltin("node:fs");
var import_node_path30 = __gateBuiltin("node:path");

// src/sign/argv.ts
function signBlobArgs(o) {
  const offline2 = o.tlogUpload ? [] : ["--use-signing-config=false", "--tlog-upload=false"];
  return ["sign-blob", "--key", o.key, ...offline2, "--bundle", o.bundle, "--yes", o.file];
}
function verifyBlobArgs(o) {
  return ["verify-blob", "--key", o.publicKey, "--bundle", o.bundle, ...o.tlog ? [] : ["--insecure-ignore-tlog"], o.file];
}
function publicKeyArgs(key, outfile) {
  return ["public-key", "--key", key, "--outfile", outfile];
}
function shellWord(s) {
  if (/^[A-Za-z0-9_./=@:+-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
function verifyCommandText(o) {
  return ["cosign", ...verifyBlobArgs(o)].map(shellWord).join(" ");
}
function bundleNameFor(file) {
  return `${file}.sigstore.json`;
}
function serviceArgs(s, tlogUpload) {
  if (!s.fulcioUrl && !s.rekorUrl && !s.tsaUrl && tlogUpload) return s.trustedRoot ? ["--trusted-root", s.trustedRoot] : [];
  return [
    "--use-signing-config=false",
    ...s.fulcioUrl ? ["--fulcio-url", s.fulcioUrl] : [],
    ...tlogUpload ? s.rekorUrl ? ["--rekor-url", s.rekorUrl] : [] : ["--tlog-upload=false"],
    ...s.tsaUrl ? ["--timestamp-server-url", s.tsaUrl] : [],
    ...s.trustedRoot ? ["--trusted-root", s.trustedRoot] : []
  ];
}
function signBlobKeylessArgs(o) {
  return ["sign-blob", "--yes", "--identity-token", o.tokenFile, ...serviceArgs(o.services, o.tlogUpload), "--bundle", o.bundle, o.file];
}
function policyArgs(p) {
  return [
    "--certificate-identity",
    p.identity,
    "--certificate-oidc-issuer",
    p.issuer,
    ...p.trustedRoot ? ["--trusted-root", p.trustedRoot] : [],
    ...p.tlog ? [] : ["--insecure-ignore-tlog"],
    ...p.ignoreSct ? ["--insecure-ignore-sct"] : []
  ];
}
function verifyBlobKeylessArgs(o) {
  return ["verify-blob", "--bundle", o.bundle, ...policyArgs(o.policy), o.file];
}
function verifyKeylessCommandText(o) {
  return ["cosign", ...verifyBlobKeylessArgs(o)].map(shellWord).join(" ");
}
function attestBlobArgs(o) {
  const auth = o.signer.kind === "key" ? ["--key", o.signer.key, ...o.tlogUpload ? [] : ["--use-signing-config=false", "--tlog-upload=false"]] : ["--identity-token", o.signer.tokenFile, ...serviceArgs(o.signer.services, o.tlogUpload)];
  return ["attest-blob", "--yes", ...auth, "--statement", o.statement, "--bundle", o.bundle];
}
function verifyAttestationArgs(o) {
  const auth = o.verifier.kind === "key" ? ["--key", o.verifier.publicKey, ...o.verifier.tlog ? [] : ["--insecure-ignore-tlog"]] : policyArgs(o.verifier.policy);
  return ["verify-blob-attestation", "--bundle", o.bundle, "--type", "slsaprovenance1", ...auth, o.file];
}
function verifyAttestationCommandText(o) {
  return ["cosign", ...verifyAttestationArgs(o)].map(shellWord).join(" ");
}

// src/sign/install.ts
var CosignUnavailable = class extends Error {
  constructor(message) {
    super(message);
    this.name = "CosignUnavailable";
  }
};
async function resolveCosign(o) {
  if (o.choice.kind === "system") {
    const bin = findOnPath("cosign", o.pathEnv);
    if (!bin) throw new CosignUnavailable("cosign-version is system, but cosign was not found on PATH: put it on PATH, or set cosign-version to a release (e.g. v3.1.3) to have the gate install a verified one.");
    return { bin, source: "PATH" };
  }
  const { version } = o.choice;
  let asset;
  try {
    asset = cosignAsset({ version, baseUrl: o.choice.baseUrl, sha256: o.choice.sha256, platform: o.platform ?? process.platform, arch: o.arch ?? process.arch, table: o.table });
  } catch (e) {
    throw new CosignUnavailable(`cosign ${version} cannot be installed: ${e.message}`);
  }
  try {
    const installed = await installTool(o.tools, asset, o.log);
    const source = installed.source === "tool-cache" ? `tool cache (${installed.dir})` : `downloaded from ${asset.url}, SHA-256 ${installed.sha256} verified against ${asset.digestSource}`;
    return { bin: installed.bin, source, sha256: installed.sha256 };
  } catch (e) {
    throw new CosignUnavailable(`cosign ${version} could not be installed: ${e.message}. Nothing was signed; set cosign-version: system to use a cosign on PATH, or cosign-download-base-url for a mirror.`);
  }
}

// src/sign/identity.ts
var WORKFLOW_REF = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[^@\s]+@refs\/[^\s]+$/;
function workflowIdentity(env) {
  const ref = env.GITHUB_WORKFLOW_REF;
  if (!ref || !WORKFLOW_REF.test(ref)) return void 0;
  return `https://github.com/${ref}`;
}
function runInvocationId(env) {
  const repo = env.GITHUB_REPOSITORY;
  const id = env.GITHUB_RUN_ID;
  if (!repo || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo) || !id || !/^\d+$/.test(id)) return void 0;
  const attempt = /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? "") ? env.GITHUB_RUN_ATTEMPT : "1";
  return `https://github.com/${repo}/actions/runs/${id}/attempts/${attempt}`;
}
function trustedRootHasCtLogs(json2) {
  try {
    const v = JSON.parse(json2);
    return Array.isArray(v.ctlogs) && v.ctlogs.length > 0;
  } catch {
    return true;
  }
}

// src/sign/provenance.ts
var IN_TOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
var SLSA_PROVENANCE_V1_TYPE = "https://slsa.dev/provenance/v1";
var BUILD_TYPE = "https://github.com/go-release-gate/go-release-gate/buildtypes/go-build/v1";
var ChecksumsError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ChecksumsError";
  }
};
function subjectsFromChecksums(text, file = "SHA256SUMS") {
  const subjects = [];
  text.split("\n").forEach((raw2, i) => {
    const line = raw2.replace(/\r$/, "");
    if (line.trim() === "") return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new ChecksumsError(`${file}:${i + 1}: not "<sha256>  <file>"`);
    if (subjects.some((s) => s.name === m[2])) throw new ChecksumsError(`${file}:${i + 1}: ${m[2]} is listed twice`);
    subjects.push({ name: m[2], digest: { sha256: m[1] } });
  });
  return subjects;
}
function moduleDependencies(lines) {
  const byModule = /* @__PURE__ */ new Map();
  for (const l of lines) {
    const key = `${l.path}@${l.version}`;
    const e = byModule.get(key) ?? {};
    if (l.goMod) e.goMod ??= l.hash;
    else e.tree ??= l.hash;
    byModule.set(key, e);
  }
  return [...byModule.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([key, e]) => {
    const digest = e.tree ? { "go-module-h1": e.tree.replace(/^h1:/, "") } : { "go-mod-h1": e.goMod.replace(/^h1:/, "") };
    return { uri: `pkg:golang/${key}`, name: key, digest };
  });
}
function provenanceStatement(p) {
  const subject = [...subjectsFromChecksums(p.checksums.text, p.checksums.name), { name: p.checksums.name, digest: { sha256: p.checksums.sha256 } }];
  const source = p.repositoryUrl && p.commit ? [{ uri: `git+${p.repositoryUrl}${p.ref ? `@${p.ref}` : ""}`, digest: { gitCommit: p.commit } }] : p.commit ? [{ name: "source", digest: { gitCommit: p.commit } }] : [];
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject,
    predicateType: SLSA_PROVENANCE_V1_TYPE,
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          targets: p.targets,
          packages: p.packages,
          ldflags: p.ldflags,
          tags: p.tags,
          cgo: p.cgo,
          strip: p.strip,
          ...p.repositoryUrl ? { source: { repository: p.repositoryUrl, ...p.ref ? { ref: p.ref } : {} } } : {}
        },
        internalParameters: {
          gateVersion: p.gateVersion,
          goVersion: p.goVersion,
          // Fixed by the gate for every build: part of what makes two runs give the same bytes.
          buildFlags: ["-trimpath", "-buildvcs=auto", `-ldflags=${ldflagsFor(p)}`, ...p.tags.length ? [`-tags=${p.tags.join(",")}`] : []],
          env: { CGO_ENABLED: p.cgo ? "1" : "0", GOTOOLCHAIN: "local" }
        },
        resolvedDependencies: [...source, ...p.dependencies]
      },
      runDetails: {
        builder: { id: p.builderId, version: { "go-release-gate": p.gateVersion } },
        metadata: {
          ...p.invocationId ? { invocationId: p.invocationId } : {},
          ...p.startedOn ? { startedOn: p.startedOn } : {}
        }
      }
    }
  };
}
function subjectsMatchChecksums(statement, checksumsText, checksumsName, checksumsSha256) {
  const subj = statement?.subject;
  if (!Array.isArray(subj)) return "the statement has no subject list";
  const want = [...subjectsFromChecksums(checksumsText, checksumsName), { name: checksumsName, digest: { sha256: checksumsSha256 } }];
  const key = (s) => `${String(s.name)} ${String(s.digest?.sha256)}`;
  const got = subj.map(key).sort();
  const exp = want.map(key).sort();
  if (got.length !== exp.length || got.some((g, i) => g !== exp[i])) return `subjects ${got.join(", ")} differ from SHA256SUMS ${exp.join(", ")}`;
  return void 0;
}

// src/version.ts
var GATE_VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/stages/sign.ts
var SIGN_RULES = {
  unavailable: rule({
    id: "sign/unavailable",
    name: "SigningUnavailable",
    shortDescription: "Signing was required but could not start.",
    fullDescription: "The run was to sign its artifacts, but a prerequisite was missing: cosign (installed by the gate, or on PATH with cosign-version: system), a readable cosign-key, or (keyless) an OIDC token and the identity to verify against. Nothing was signed.",
    help: 'The message names what is missing. Keyless signing needs "permissions: id-token: write" on the job; key signing needs cosign-key as a file path, env://NAME or the PEM text, and the key password in COSIGN_PASSWORD; or set sign: never.',
    defaultSeverity: "error"
  }),
  signingFailed: rule({
    id: "sign/signing-failed",
    name: "SigningFailed",
    shortDescription: "cosign could not sign an artifact.",
    fullDescription: "cosign sign-blob (or attest-blob, or reading the key with cosign public-key) failed for this file. A release whose artifacts are not all signed does not pass.",
    help: "Read cosign's error in the details. A wrong COSIGN_PASSWORD shows as a decryption error; an unreachable Fulcio, Rekor or timestamp authority as a network error.",
    defaultSeverity: "error"
  }),
  verificationFailed: rule({
    id: "sign/verification-failed",
    name: "VerificationFailed",
    shortDescription: "A fresh signature did not verify.",
    fullDescription: "Right after signing, cosign verify-blob (or verify-blob-attestation) checked the bundle against the file and the public key or the workflow's certificate identity, and refused it. The signature is not published as valid.",
    help: "The file changed between signing and verifying, or the certificate names another identity or issuer than this workflow (sigstore-certificate-identity, sigstore-oidc-issuer), or the bundle or key is not the one expected.",
    defaultSeverity: "error"
  })
};
var RULES2 = Object.values(SIGN_RULES);
var COSIGN_TIMEOUT_MS = 10 * 60 * 1e3;
var NO_ID_TOKEN = 'Keyless signing needs a GitHub OIDC token, and this job has none: add "permissions: id-token: write" to the job (pull requests from forks never get one).';
var PROVENANCE = "provenance.intoto.jsonl";
function firstError(r2) {
  if (r2.timedOut) return `cosign did not finish within ${COSIGN_TIMEOUT_MS / 6e4} minutes`;
  const lines = `${r2.stderr}
${r2.stdout}`.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^Error:/i.test(l)) ?? lines.find((l) => /error|fail|invalid|denied/i.test(l)) ?? lines[0] ?? `exit code ${r2.code}`;
}
function readGoSum(dir) {
  const file = import_node_path30.default.join(dir, "go.sum");
  if (!import_node_fs27.default.existsSync(file)) return [];
  return parseGoSum(import_node_fs27.default.readFileSync(file, "utf8"), file).lines;
}
function buildParametersOf(config, dependencies = moduleDependencies(readGoSum(config.dir))) {
  return {
    targets: config.targets.map((t) => `${t.goos}/${t.goarch}`),
    packages: config.packages,
    ldflags: config.ldflags,
    tags: config.tags,
    cgo: config.cgo,
    strip: config.strip,
    dependencies
  };
}
function bundledStatement(bundleFile) {
  try {
    const b = JSON.parse(import_node_fs27.default.readFileSync(bundleFile, "utf8"));
    const payload = b.dsseEnvelope?.payload;
    return payload ? JSON.parse(Buffer.from(payload, "base64").toString("utf8")) : void 0;
  } catch {
    return void 0;
  }
}
async function run3(ctx) {
  const { config, ports, state } = ctx;
  const sign = config.sign;
  if (!sign.enabled) return skipped(sign.reason);
  const secrets = [];
  const addSecret = (s) => {
    if (!s) return;
    secrets.push(s);
    ports.log.mask(s);
    for (const line of s.split(/\r?\n/)) if (line.trim().length >= 8 && !/^-----(BEGIN|END) /.test(line)) {
      secrets.push(line.trim());
      ports.log.mask(line.trim());
    }
  };
  addSecret(ports.env.COSIGN_PASSWORD);
  if (sign.key?.kind === "pem") addSecret(sign.key.pem);
  if (sign.key?.kind === "env") addSecret(ports.env[sign.key.name]);
  const scrub = (text) => secrets.reduce((t, s) => t.split(s).join("***"), text);
  const unavailable2 = (message) => {
    const findings = [finding(SIGN_RULES.unavailable, "sign", { message, subject: "sign" })];
    return { status: "failed", reason: message, findings };
  };
  const subjects = state.artifacts.filter((a) => a.goos !== "" && a.goarch !== "").map((a) => ({ path: a.path, displayPath: a.displayPath, sha256: a.sha256 }));
  if (state.checksumsFile) subjects.push({ path: state.checksumsFile, displayPath: displayPath(ctx.config.workspace, state.checksumsFile) });
  if (subjects.length === 0) {
    return sign.required ? unavailable2("sign: always, but no binaries were built, so there is nothing to sign") : skipped("no binaries were built");
  }
  let policy;
  if (!sign.key) {
    if (!ports.idToken?.available()) {
      return sign.required || sign.keyless ? unavailable2(NO_ID_TOKEN) : skipped(NO_ID_TOKEN);
    }
    if (!sign.tlogUpload && !sign.sigstore.tsaUrl) {
      return unavailable2("Keyless signing with sign-tlog-upload: false needs a timestamp authority (sigstore-tsa-url): a Fulcio certificate is valid for minutes, and without a transparency log entry only a signed timestamp shows it was used in time. Nothing was signed.");
    }
    const identity = sign.sigstore.identity || workflowIdentity(ports.env);
    if (!identity) {
      return unavailable2("Keyless signatures are verified against the signing workflow's identity, and GITHUB_WORKFLOW_REF is not set (or is not <owner>/<repo>/<path>@<ref>): outside Actions, set sigstore-certificate-identity to the identity your token carries.");
    }
    let ignoreSct = false;
    if (sign.sigstore.trustedRoot) {
      let json2;
      try {
        json2 = import_node_fs27.default.readFileSync(sign.sigstore.trustedRoot, "utf8");
      } catch (e) {
        return unavailable2(`sigstore-trusted-root ${displayPath(config.workspace, sign.sigstore.trustedRoot)} cannot be read (${e.code ?? "error"})`);
      }
      ignoreSct = !trustedRootHasCtLogs(json2);
    }
    policy = { identity, issuer: sign.sigstore.oidcIssuer, trustedRoot: sign.sigstore.trustedRoot, tlog: sign.tlogUpload, ignoreSct };
  }
  let cosign;
  try {
    cosign = await resolveCosign({ choice: sign.cosign, tools: ports.tools, log: ports.log, pathEnv: ports.env.PATH });
  } catch (e) {
    if (e instanceof CosignUnavailable) return unavailable2(e.message);
    throw e;
  }
  state.facts["sign.cosign"] = cosign.source;
  ports.log.info(`cosign: ${cosign.bin} (${cosign.source})`);
  const signDir = import_node_fs27.default.mkdtempSync(import_node_path30.default.join(ports.tempDir, "grg-sign-"));
  const out = state.out ?? (state.out = openOutputDir(config.outDir));
  let tempKeyDir;
  try {
    const { SIGSTORE_ID_TOKEN: _ignored, ...env } = childEnv("cosign", ports.env, sign.key && ports.env.COSIGN_PASSWORD !== void 0 ? { COSIGN_PASSWORD: ports.env.COSIGN_PASSWORD } : {});
    const cosignRun = (args) => ports.exec.run(cosign.bin, args, { cwd: signDir, env, timeoutMs: COSIGN_TIMEOUT_MS });
    let signer;
    let verifier;
    let publicKey;
    if (sign.key) {
      let keyFile;
      if (sign.key.kind === "file") {
        keyFile = sign.key.path;
        try {
          import_node_fs27.default.accessSync(keyFile, import_node_fs27.default.constants.R_OK);
        } catch (e) {
          return unavailable2(`cosign-key ${displayPath(ctx.config.workspace, keyFile)} cannot be read (${e.code ?? "error"})`);
        }
      } else {
        tempKeyDir = import_node_fs27.default.mkdtempSync(import_node_path30.default.join(ports.tempDir, "grg-cosign-"));
        keyFile = import_node_path30.default.join(tempKeyDir, "cosign.key");
        import_node_fs27.default.writeFileSync(keyFile, sign.key.kind === "pem" ? sign.key.pem : ports.env[sign.key.name], { mode: 384 });
      }
      const freshKey = import_node_path30.default.join(signDir, "cosign.pub");
      const pub = await cosignRun(publicKeyArgs(keyFile, freshKey));
      if (pub.code !== 0 || !import_node_fs27.default.existsSync(freshKey)) {
        const why = scrub(firstError(pub));
        const hint = /decrypt|password|passphrase/i.test(why) ? " (is COSIGN_PASSWORD the password of this key?)" : "";
        const message = `cosign could not read the signing key: ${why}${hint}`;
        return {
          status: "failed",
          reason: message,
          findings: [finding(SIGN_RULES.signingFailed, "sign", { message, subject: "cosign-key", details: scrub(`${pub.stderr}${pub.stdout}`).trim() || void 0 })]
        };
      }
      publicKey = out.adopt(freshKey, "cosign.pub");
      signer = { kind: "key", key: keyFile };
      verifier = { kind: "key", publicKey, tlog: sign.tlogUpload };
    } else {
      let token;
      try {
        token = (await ports.idToken.get("sigstore")).trim();
      } catch (e) {
        const why = scrub(e.message).replace(/\s+/g, " ").trim().replace(/\.$/, "");
        return unavailable2(`Keyless signing could not get an OIDC token: ${why}. Nothing was signed.`);
      }
      addSecret(token);
      tempKeyDir = import_node_fs27.default.mkdtempSync(import_node_path30.default.join(ports.tempDir, "grg-cosign-"));
      const tokenFile = import_node_path30.default.join(tempKeyDir, "oidc-token");
      import_node_fs27.default.writeFileSync(tokenFile, token, { mode: 384 });
      signer = { kind: "keyless", tokenFile, services: sign.sigstore };
      verifier = { kind: "keyless", policy };
    }
    const shownVerifier = (v) => v.kind === "key" ? { ...v, publicKey: import_node_path30.default.basename(v.publicKey) } : { kind: "keyless", policy: { ...v.policy, trustedRoot: v.policy.trustedRoot ? import_node_path30.default.basename(v.policy.trustedRoot) : "" } };
    const signArgs = (bundle, file) => signer.kind === "key" ? signBlobArgs({ key: signer.key, bundle, file, tlogUpload: sign.tlogUpload }) : signBlobKeylessArgs({ tokenFile: signer.tokenFile, bundle, file, services: signer.services, tlogUpload: sign.tlogUpload });
    const verifyArgs = (v, bundle, file) => v.kind === "key" ? verifyBlobArgs({ publicKey: v.publicKey, bundle, file, tlog: v.tlog }) : verifyBlobKeylessArgs({ bundle, file, policy: v.policy });
    const verifyText = (bundle, file) => {
      const v = shownVerifier(verifier);
      return v.kind === "key" ? verifyCommandText({ publicKey: v.publicKey, bundle, file, tlog: v.tlog }) : verifyKeylessCommandText({ bundle, file, policy: v.policy });
    };
    const findings = [];
    const rows = [];
    const signatures2 = [];
    for (const s of subjects) {
      const bundle = bundleNameFor(s.path);
      const bundleShown = bundleNameFor(s.displayPath);
      const location = { artifact: s.displayPath };
      if (s.sha256 !== void 0 && sha256File(s.path) !== s.sha256) {
        findings.push(finding(SIGN_RULES.signingFailed, "sign", { message: `${s.displayPath} changed after it was built (its SHA-256 no longer matches SHA256SUMS); not signed`, location, subject: s.displayPath }));
        rows.push([s.displayPath, "", "not signed: changed after build", ""]);
        continue;
      }
      const freshBundle = import_node_path30.default.join(signDir, import_node_path30.default.basename(bundle));
      const signed = await cosignRun(signArgs(freshBundle, s.path));
      if (signed.code !== 0 || !import_node_fs27.default.existsSync(freshBundle)) {
        findings.push(finding(SIGN_RULES.signingFailed, "sign", { message: `cosign sign-blob failed for ${s.displayPath}: ${scrub(firstError(signed))}`, location, subject: s.displayPath, details: scrub(`${signed.stderr}${signed.stdout}`).trim() || void 0 }));
        rows.push([s.displayPath, "", "signing failed", ""]);
        continue;
      }
      out.adopt(freshBundle, import_node_path30.default.basename(bundle));
      const verified = await cosignRun(verifyArgs(verifier, bundle, s.path));
      const ok = verified.code === 0;
      if (!ok) {
        findings.push(finding(SIGN_RULES.verificationFailed, "sign", { message: `cosign verify-blob refused the new signature of ${s.displayPath}: ${scrub(firstError(verified))}`, location, subject: s.displayPath, details: scrub(`${verified.stderr}${verified.stdout}`).trim() || void 0 }));
      }
      const command = verifyText(import_node_path30.default.basename(bundle), import_node_path30.default.basename(s.path));
      rows.push([s.displayPath, bundleShown, ok ? "signed, verified" : "signed, verification failed", command]);
      signatures2.push({ path: s.displayPath, bundle: bundleShown, verified: ok, command });
    }
    const sums = subjects.find((s) => s.path === state.checksumsFile);
    const sumsSigned = sums && signatures2.some((x) => x.path === sums.displayPath && x.verified);
    if (sumsSigned) state.facts["sign.verify"] = verifyText(bundleNameFor(import_node_path30.default.basename(sums.path)), import_node_path30.default.basename(sums.path));
    let provenanceOk;
    if (config.mode === "release" && sums && findings.length === 0) {
      provenanceOk = await attestProvenance();
    }
    state.facts["sign.method"] = sign.key ? "key" : "keyless";
    if (policy) {
      state.facts["sign.identity"] = policy.identity;
      state.facts["sign.issuer"] = policy.issuer;
    }
    state.facts["sign.bundles"] = JSON.stringify(signatures2.map((x) => x.bundle));
    state.facts["sign.signatures"] = JSON.stringify(signatures2);
    if (publicKey) {
      state.facts["sign.public-key"] = publicKey;
      state.facts["sign.public-key-display"] = displayPath(ctx.config.workspace, publicKey);
    }
    const status = statusFrom(findings);
    return {
      status,
      // The provenance is attested only once every file verified: then its failure is the only one.
      ...status === "failed" ? { reason: provenanceOk === false ? findings[0].message : `${findings.length} of ${subjects.length} file(s) not signed and verified` } : {},
      findings,
      table: { header: ["File", "Bundle", "Result", "Verify with"], rows },
      metrics: { signed: signatures2.length, verified: signatures2.filter((x) => x.verified).length, files: subjects.length, tlogUpload: sign.tlogUpload, keyless: !sign.key }
    };
    async function attestProvenance() {
      const sumsText = import_node_fs27.default.readFileSync(sums.path, "utf8");
      const sumsDigest = sha256File(sums.path);
      const location = { artifact: displayPath(config.workspace, import_node_path30.default.join(out.dir, PROVENANCE)) };
      let statement;
      try {
        statement = provenanceStatement({
          checksums: { name: import_node_path30.default.basename(sums.path), text: sumsText, sha256: sumsDigest },
          gateVersion: GATE_VERSION,
          goVersion: state.go?.version ?? state.facts["go-version"] ?? "",
          // A merge signs what its shards built: their parameters, not the merge job's inputs.
          ...state.built ?? buildParametersOf(config),
          repositoryUrl: config.event.repositoryUrl,
          ref: config.event.ref || void 0,
          commit: state.facts["vcs.revision"] ?? config.event.sha,
          builderId: policy?.identity ?? workflowIdentity(ports.env) ?? `https://github.com/go-release-gate/go-release-gate@${GATE_VERSION}`,
          invocationId: runInvocationId(ports.env)
        });
      } catch (e) {
        findings.push(finding(SIGN_RULES.signingFailed, "sign", { message: `the SLSA provenance could not be written: ${e.message}`, location, subject: PROVENANCE }));
        return false;
      }
      const statementFile = out.write(PROVENANCE, `${JSON.stringify(statement)}
`);
      const bundleName = bundleNameFor(PROVENANCE);
      const freshBundle = import_node_path30.default.join(signDir, bundleName);
      const attested = await cosignRun(attestBlobArgs({ statement: statementFile, bundle: freshBundle, signer, tlogUpload: sign.tlogUpload }));
      if (attested.code !== 0 || !import_node_fs27.default.existsSync(freshBundle)) {
        findings.push(finding(SIGN_RULES.signingFailed, "sign", { message: `cosign attest-blob failed for ${PROVENANCE}: ${scrub(firstError(attested))}`, location, subject: PROVENANCE, details: scrub(`${attested.stderr}${attested.stdout}`).trim() || void 0 }));
        rows.push([location.artifact, "", "attestation failed", ""]);
        return false;
      }
      const bundle = out.adopt(freshBundle, bundleName);
      const signedStatement = bundledStatement(bundle);
      const mismatch = JSON.stringify(signedStatement) !== JSON.stringify(statement) ? "the signed statement is not the one written" : subjectsMatchChecksums(signedStatement, sumsText, import_node_path30.default.basename(sums.path), sumsDigest);
      const verified = await cosignRun(verifyAttestationArgs({ bundle, file: sums.path, verifier }));
      const ok = verified.code === 0 && !mismatch;
      if (!ok) {
        findings.push(finding(SIGN_RULES.verificationFailed, "sign", { message: `cosign verify-blob-attestation refused the provenance: ${mismatch ?? scrub(firstError(verified))}`, location, subject: PROVENANCE, details: scrub(`${verified.stderr}${verified.stdout}`).trim() || void 0 }));
      }
      const binary = subjects.find((s) => s !== sums);
      const command = verifyAttestationCommandText({ bundle: bundleName, file: import_node_path30.default.basename(binary?.path ?? sums.path), verifier: shownVerifier(verifier) });
      const bundleShown = displayPath(config.workspace, bundle);
      rows.push([location.artifact, bundleShown, ok ? "attested, verified" : "attested, verification failed", command]);
      state.facts["sign.provenance"] = statementFile;
      state.facts["sign.provenance-display"] = location.artifact;
      state.facts["sign.provenance-bundle"] = bundleShown;
      state.facts["sign.provenance-verified"] = String(ok);
      state.facts["sign.provenance-verify"] = command;
      return ok;
    }
  } finally {
    if (tempKeyDir) import_node_fs27.default.rmSync(tempKeyDir, { recursive: true, force: true });
    import_node_fs27.default.rmSync(signDir, { recursive: true, force: true });
  }
}
var signStage = { name: "sign", rules: RULES2, settlesFirst: true, run: run3 };

// src/stages/index.ts
var STAGES = [
  toolchainStage,
  cacheStage,
  modulesStage,
  buildStage,
  inspectStage,
  scanStage,
  signStage
];

// src/report/model.ts
var TOOL = { name: "go-release-gate", informationUri: "https://github.com/org/go-release-gate" };
function allRules(run4) {
  const seen = /* @__PURE__ */ new Map();
  for (const r2 of [...run4.rules, ...run4.stages.flatMap((s) => s.rules ?? [])]) if (!seen.has(r2.id)) seen.set(r2.id, r2);
  return [...seen.values()];
}
function toolsThatRan(stages) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of stages) for (const t of s.tools ?? []) if (!seen.has(t.name)) seen.set(t.name, t);
  return [...seen.values()];
}
var ORDER = { error: 0, warning: 1, note: 2 };
function rankFindings(findings, rules) {
  const sec = new Map(rules.map((r2) => [r2.id, r2.securitySeverity ?? 0]));
  return findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || (sec.get(b.f.ruleId) ?? 0) - (sec.get(a.f.ruleId) ?? 0) || a.i - b.i).map((x) => x.f);
}
function where3(f) {
  const loc = f.location;
  if (!loc) return "";
  if (loc.artifact) return loc.artifact;
  if (loc.file) return `${loc.file}${loc.line ? `:${loc.line}` : ""}`;
  return "";
}

// src/report/sarif.ts
var import_node_url = require("node:url");
var import_node_path31 = __gateBuiltin("node:path");

// src/report/location.ts
function repoRelative(p) {
  if (!p) return void 0;
  const s = p.replace(/\\/g, "/");
  if (s.startsWith("/") || /^[a-z]:/i.test(s) || /^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return void 0;
  const segs = s.split("/").filter((x) => x !== "" && x !== ".");
  if (segs.length === 0 || segs.includes("..")) return void 0;
  return segs.join("/");
}
function resolveLocation(f, defaultFile) {
  const loc = f.location;
  const file = repoRelative(loc?.file);
  const artifact = loc?.artifact ? { artifact: loc.artifact } : {};
  if (file) {
    const line = loc?.line && loc.line > 0 ? Math.floor(loc.line) : 1;
    const column = loc?.line && loc.column && loc.column > 0 ? Math.floor(loc.column) : void 0;
    return { path: file, line, ...column ? { column } : {}, ...artifact };
  }
  if (loc?.artifact && !loc.file) {
    return { path: repoRelative(defaultFile) ?? "go.mod", line: 1, ...artifact, ...repoRelative(loc.artifact) ? {} : { original: loc.artifact } };
  }
  const original = loc?.file;
  return { path: repoRelative(defaultFile) ?? "go.mod", line: 1, ...original ? { original } : {} };
}
function toUriReference(repoPath) {
  return repoPath.split("/").map(encodeURIComponent).join("/");
}

// src/report/sarif.ts
var SARIF_LIMITS = {
  resultsPerRun: 25e3,
  rulesPerRun: 25e3,
  gzipBytes: 10 * 1024 * 1024,
  /** A single advisory text must not eat the budget of every other result. */
  messageChars: 8e3
};
var zlib = onFirstUse("node:zlib");
function gzipBound(n) {
  return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 64;
}
function gzippedAtMost(text, limit) {
  const bound = gzipBound(Buffer.byteLength(text));
  if (bound <= limit) return bound;
  return zlib().gzipSync(text).length;
}
var LEVEL = { error: "error", warning: "warning", note: "note" };
function securitySeverity(value) {
  if (value === void 0 || !Number.isFinite(value) || value <= 0 || value > 10) return void 0;
  const s = value.toFixed(1);
  return s === "0.0" ? "0.1" : s;
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function helpMarkdown(r2) {
  const link = /^https?:\/\/[^\s()<>]+$/.test(r2.helpUri) ? `

[${escapeHtml(r2.id)}](${r2.helpUri})` : "";
  return `${escapeHtml(r2.help)}${link}`;
}
function fallbackRule(id, tool) {
  const name = id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join("") || "Finding";
  const text = `Finding ${id} reported by ${tool ?? "go-release-gate"}.`;
  return { id, name, shortDescription: text, fullDescription: text, help: "See the finding message.", helpUri: "https://github.com/org/go-release-gate#reports", defaultSeverity: "warning", ...tool ? { tool } : {} };
}
function sarifRule(r2) {
  const sev = securitySeverity(r2.securitySeverity);
  return {
    id: r2.id,
    name: r2.name,
    shortDescription: { text: r2.shortDescription },
    fullDescription: { text: r2.fullDescription },
    help: { text: r2.help, markdown: helpMarkdown(r2) },
    helpUri: r2.helpUri,
    defaultConfiguration: { level: LEVEL[r2.defaultSeverity] },
    properties: sev ? { tags: ["security", "supply-chain"], "security-severity": sev } : { tags: ["reliability"] }
  };
}
function sarifResult(f, ruleIndex, fingerprint, defaultFile, limits = SARIF_LIMITS) {
  const loc = resolveLocation(f, defaultFile);
  const text = f.fix ? `${f.message}
Fix: ${f.fix}` : f.message;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: truncate(text || f.ruleId, limits.messageChars) },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: toUriReference(loc.path), uriBaseId: "%SRCROOT%" },
        region: { startLine: loc.line, ...loc.column ? { startColumn: loc.column } : {} }
      }
    }],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...f.codeFlow?.length ? { codeFlows: [codeFlowOf2(f.codeFlow, limits.messageChars)] } : {},
    properties: { stage: f.stage, ...loc.original ? { originalLocation: loc.original } : {}, ...loc.artifact ? { artifact: loc.artifact } : {}, ...f.properties ?? {} }
  };
}
function codeFlowOf2(steps, messageChars) {
  return {
    threadFlows: [{
      locations: steps.map((s) => ({
        location: {
          message: { text: truncate(s.message, messageChars) },
          ...s.location?.file ? {
            physicalLocation: {
              artifactLocation: { uri: toUriReference(s.location.file), uriBaseId: "%SRCROOT%" },
              region: { startLine: s.location.line ?? 1 }
            }
          } : {}
        }
      }))
    }]
  };
}
function categoryOf(toolKey, r2) {
  const moduleDir = repoRelative(import_node_path31.default.relative(r2.config.workspace, r2.config.dir));
  return `go-release-gate/${toolKey}/${moduleDir ? `${moduleDir}/` : ""}`;
}
function planRuns(r2) {
  const rules = allRules(r2.run);
  const ruleById = new Map(rules.map((x) => [x.id, x]));
  const ranked = rankFindings(r2.run.findings, rules);
  const toolOf = (f) => ruleById.get(f.ruleId)?.tool ?? "";
  const ran = toolsThatRan(r2.run.stages);
  const keys = ["", ...ran.map((t) => t.name)];
  for (const f of ranked) if (!keys.includes(toolOf(f))) keys.push(toolOf(f));
  return keys.map((key) => {
    const info = ran.find((t) => t.name === key);
    const stages = key === "" ? r2.run.stages : r2.run.stages.filter((s) => s.tools?.some((t) => t.name === key));
    const findings = ranked.filter((f) => toolOf(f) === key);
    const own = rules.filter((x) => (x.tool ?? "") === key);
    for (const f of findings) if (!own.some((x) => x.id === f.ruleId)) own.push(ruleById.get(f.ruleId) ?? fallbackRule(f.ruleId, key || void 0));
    const errored = stages.filter((s) => s.status === "errored");
    return {
      key,
      driver: key === "" ? { name: r2.tool.name, version: r2.tool.version, informationUri: r2.tool.informationUri } : { name: key, ...info?.version ? { version: info.version } : {}, ...info?.informationUri ? { informationUri: info.informationUri } : {} },
      rules: own,
      findings,
      executionSuccessful: errored.length === 0,
      notifications: errored.map((s) => `${s.name} stage: ${s.reason ?? "could not complete"}`)
    };
  });
}
function renderRun(p, keep, r2, limits) {
  const findings = p.findings.slice(0, keep);
  const referenced = new Set(findings.map((f) => f.ruleId));
  const rules = [...p.rules.filter((x) => referenced.has(x.id)), ...p.rules.filter((x) => !referenced.has(x.id))].slice(0, limits.rulesPerRun);
  const index = new Map(rules.map((x, i) => [x.id, i]));
  const seen = /* @__PURE__ */ new Map();
  const results = findings.map((f) => {
    const n = (seen.get(f.fingerprint) ?? 0) + 1;
    seen.set(f.fingerprint, n);
    return sarifResult(f, index.get(f.ruleId), `${f.fingerprint}:${n}`, r2.defaultFile, limits);
  });
  const started2 = r2.run.startedAt;
  const ended = new Date(started2.getTime() + Math.max(0, r2.run.durationMs));
  const ev = r2.config.event;
  return {
    tool: { driver: { ...p.driver, ...p.key === "" ? { semanticVersion: r2.tool.version } : {}, rules: rules.map(sarifRule) } },
    automationDetails: { id: categoryOf(p.key || "checks", r2) },
    ...ev.repositoryUrl && ev.sha ? { versionControlProvenance: [{ repositoryUri: ev.repositoryUrl, revisionId: ev.sha, ...ev.ref ? { branch: ev.ref } : {} }] } : {},
    originalUriBaseIds: { "%SRCROOT%": { uri: (0, import_node_url.pathToFileURL)(r2.config.workspace.endsWith(import_node_path31.default.sep) ? r2.config.workspace : `${r2.config.workspace}${import_node_path31.default.sep}`).href } },
    invocations: [{
      executionSuccessful: p.executionSuccessful,
      startTimeUtc: started2.toISOString(),
      endTimeUtc: ended.toISOString(),
      ...p.notifications.length ? { toolExecutionNotifications: p.notifications.map((text) => ({ level: "error", message: { text } })) } : {}
    }],
    results
  };
}
function serialize(plans, keep, r2, limits) {
  const doc = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: plans.map((p, i) => renderRun(p, keep[i], r2, limits))
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function buildSarif(r2, limits = SARIF_LIMITS) {
  const plans = planRuns(r2);
  const keep = plans.map((p) => Math.min(p.findings.length, limits.resultsPerRun));
  const cut = plans.map((p, i) => keep[i] < p.findings.length ? "results-per-run" : void 0);
  let text = serialize(plans, keep, r2, limits);
  let gz = gzippedAtMost(text, limits.gzipBytes);
  while (gz > limits.gzipBytes && keep.some((k) => k > 0)) {
    const scale = Math.min(0.9, limits.gzipBytes / gz * 0.95);
    for (let i = 0; i < keep.length; i++) {
      const next = Math.floor(keep[i] * scale);
      if (next < keep[i]) cut[i] = "file-size";
      keep[i] = next;
    }
    text = serialize(plans, keep, r2, limits);
    gz = gzippedAtMost(text, limits.gzipBytes);
  }
  return {
    text,
    gzipBytesAtMost: gz,
    runs: plans.map((p, i) => ({
      tool: p.driver.name,
      category: categoryOf(p.key || "checks", r2),
      total: p.findings.length,
      kept: keep[i],
      ...cut[i] ? { cut: cut[i] } : {}
    }))
  };
}

// src/report/json.ts
function stageEntry(s) {
  return {
    name: s.name,
    status: s.status,
    ...s.reason ? { reason: s.reason } : {},
    durationMs: s.durationMs,
    findings: s.findings.length,
    ...s.metrics ? { metrics: s.metrics } : {},
    ...s.tools?.length ? { tools: s.tools } : {},
    ...s.details ? { details: s.details } : {}
  };
}
function renderJson(r2, sarif) {
  const ev = r2.config.event;
  const doc = {
    verdict: r2.run.verdict.passed ? "pass" : "fail",
    reasons: r2.run.verdict.reasons,
    goVersion: r2.goVersion,
    mode: r2.config.mode,
    modeReason: r2.config.modeReason,
    cache: r2.config.cache,
    event: { name: ev.name, ref: ev.ref, ...ev.tag ? { tag: ev.tag } : {}, ...ev.sha ? { sha: ev.sha } : {}, ...ev.fromFork !== void 0 ? { fromFork: ev.fromFork } : {} },
    toolVersion: r2.tool.version,
    startedAt: r2.run.startedAt.toISOString(),
    durationMs: r2.run.durationMs,
    stages: r2.run.stages.map(stageEntry),
    findings: r2.run.findings,
    artifacts: r2.artifacts.map((a) => ({ path: a.displayPath, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 })),
    ...sarif ? { sarif: sarif.map((s) => ({ tool: s.tool, category: s.category, results: s.kept, findings: s.total, ...s.cut ? { cut: s.cut } : {} })) } : {},
    facts: r2.facts
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/report/release.ts
function stage(r2, name) {
  return r2.run.stages.find((s) => s.name === name);
}
function toolchainText(r2) {
  if (!r2.go) return "not installed (the toolchain stage did not complete)";
  const source = { "tool-cache": "runner tool cache", path: "the go on PATH", download: "downloaded, SHA-256 verified" }[r2.go.source];
  return `go${cell(r2.go.version)} (${source}, GOROOT ${code(r2.go.goroot)}); every go command ran with GOTOOLCHAIN=local`;
}
function revisionText(r2) {
  const rev = r2.facts["vcs.revision"];
  if (rev) {
    const extra = [r2.facts["vcs.time"] ? `committed ${cell(r2.facts["vcs.time"])}` : "", r2.facts["vcs.modified"] === "true" ? "**built from a modified work tree**" : ""].filter(Boolean).join(", ");
    return `${code(rev)} (from the binaries' build info${extra ? `; ${extra}` : ""})`;
  }
  const sha = r2.config.event.sha;
  return sha ? `${code(sha)} (the workflow's commit; the binaries carry no vcs stamp)` : "unknown: the binaries carry no vcs stamp and no commit was given (GITHUB_SHA)";
}
var BUCKETS = [["critical", 9], ["high", 7], ["medium", 4], ["low", 0]];
function vulnerabilityText(r2) {
  const scan = stage(r2, "scan");
  if (!scan) return "**not scanned**: this version of go-release-gate has no scan stage";
  if (scan.status === "skipped") return `**not scanned**: ${cell(scan.reason ?? "the scan stage was skipped")}`;
  if (scan.status === "errored") return `**not scanned**: the scan could not complete (${cell(scan.reason ?? "error")})`;
  const sev = new Map(allRules(r2.run).map((x) => [x.id, x.securitySeverity]));
  const counts = new Map(BUCKETS.map(([name]) => [name, 0]));
  let unrated = 0;
  for (const f of scan.findings) {
    const s = sev.get(f.ruleId);
    if (s === void 0) {
      unrated++;
      continue;
    }
    const bucket = BUCKETS.find(([, min]) => s >= min)[0];
    counts.set(bucket, counts.get(bucket) + 1);
  }
  const total = scan.findings.length;
  if (total === 0) return "0 known vulnerabilities";
  const parts = BUCKETS.map(([name]) => `${counts.get(name)} ${name}`);
  if (unrated) parts.push(`${unrated} other finding(s)`);
  return `${total}: ${parts.join(", ")}`;
}
var TRIVY_FROM = { "trivy-path": "trivy-path", PATH: "the trivy on PATH", "tool-cache": "the tool cache", download: "downloaded" };
function scannerText(r2) {
  const m = stage(r2, "scan")?.metrics;
  if (!m?.trivyVersion) return void 0;
  const sha = m.trivySha256 ? `, archive SHA-256 ${code(String(m.trivySha256))} verified` : "";
  const db = m.dbUpdatedAt ? `vulnerability DB updated ${cell(String(m.dbUpdatedAt))} (${cell(String(m.dbAge))} old), ${cell(String(m.dbSource))}` : `vulnerability DB ${cell(String(m.dbSource ?? "unknown"))}`;
  return `Trivy ${cell(String(m.trivyVersion))} (${TRIVY_FROM[String(m.trivySource)] ?? cell(String(m.trivySource))}${sha}); ${db}`;
}
function signatureText(sign, facts) {
  if (!sign) return "**not signed**: this version of go-release-gate has no signing stage; check downloads against SHA256SUMS";
  if (sign.status === "skipped") return `**not signed**: ${cell(sign.reason ?? "the sign stage was skipped")}`;
  if (sign.status !== "passed") return `**signing failed**: ${cell(sign.reason ?? "see the sign section")}`;
  const verify = facts["sign.verify"];
  const n = signatures(facts).length;
  if (facts["sign.method"] === "keyless") {
    return `signed keyless with cosign: ${n} Sigstore bundle(s), certificate identity ${code(facts["sign.identity"] ?? "")}, issuer ${code(facts["sign.issuer"] ?? "")}${verify ? `; verify with ${code(verify)}` : ""}`;
  }
  return `signed with cosign: ${n} Sigstore bundle(s), public key ${code(facts["sign.public-key-display"] ?? "cosign.pub")}${verify ? `; verify with ${code(verify)}` : ""}`;
}
function provenanceText(sign, facts) {
  const file = facts["sign.provenance-display"];
  if (!file) {
    if (sign?.status === "passed") return "**not written**: provenance is written for releases (release mode)";
    return "**not written**: provenance is signed with the release, and the release was not signed";
  }
  const verified = facts["sign.provenance-verified"] === "true";
  return `SLSA v1 in-toto statement ${code(file)}, attested in ${code(facts["sign.provenance-bundle"] ?? "")}${verified ? ", verified" : ", **verification failed**"}; check a download against it with ${code(facts["sign.provenance-verify"] ?? "")}`;
}
function signatures(facts) {
  try {
    const v = JSON.parse(facts["sign.signatures"] ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
function signingRows(sign, facts) {
  return [
    ["Signatures", signatureText(sign, facts)],
    ["Provenance", provenanceText(sign, facts)],
    ...facts["sign.cosign"] ? [["cosign", cell(facts["sign.cosign"])]] : []
  ];
}
function signatureTable(facts) {
  const sigs = signatures(facts);
  if (!sigs.length) return [];
  return [
    table(["Signed file", "Bundle", "Verified here", "Verify a download"], sigs.map((x) => [code(x.path), code(x.bundle), x.verified ? "yes" : "**no**", x.command ? code(x.command) : ""])),
    ""
  ];
}
function renderReleaseReport(r2) {
  const out = [];
  const tag = r2.config.event.tag;
  out.push(`### \u{1F4E6} Release report${tag ? ` for ${code(tag)}` : ""}`, "");
  if (r2.artifacts.length) {
    out.push(table(["Binary", "Target", "Size", "SHA-256"], r2.artifacts.map((a) => [code(a.displayPath), `${a.goos}/${a.goarch}`, `${formatBytes(a.size)} (${a.size} bytes)`, code(a.sha256)])), "");
    out.push("Check a download: `sha256sum --ignore-missing -c SHA256SUMS` (macOS: `shasum -a 256 --ignore-missing -c SHA256SUMS`).", "");
  } else {
    out.push("**No binaries were built.**", "");
  }
  out.push(table(["", ""], [
    ["Go toolchain", toolchainText(r2)],
    ["Revision", revisionText(r2)],
    ["Vulnerabilities", vulnerabilityText(r2)],
    ...scannerText(r2) ? [["Scanner", scannerText(r2)]] : [],
    ...signingRows(stage(r2, "sign"), r2.facts)
  ]), "");
  out.push(...signatureTable(r2.facts));
  return out.join("\n");
}

// src/report/summary.ts
var SUMMARY_LIMIT = 1024 * 1024;
var DETAILS_CHARS = 64 * 1024;
var FINDING_ROWS_PER_STAGE = 100;
var FINDING_DETAILS_PER_STAGE = 20;
var REASON_CHARS = 2e3;
var ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F", errored: "\u{1F4A5}" };
var SEVERITY_ICON = { error: "\u274C error", warning: "\u26A0\uFE0F warning", note: "\u2139\uFE0F note" };
function cacheWords(r2) {
  const c = r2.config;
  const stage2 = r2.run.stages.find((s) => s.name === "cache");
  if (c.cache === "off") return `**off** (the cache stage was skipped: the cache input is off)`;
  if (stage2?.status === "skipped") return `**not used** (${c.cache}, but the cache stage was skipped: ${cell(stage2.reason ?? "no reason given")})`;
  if (r2.facts["cache-build"] === "not restored") return `**${c.cache}**, module cache only (release builds never use a restored build cache)`;
  return `**${c.cache}**`;
}
function head(r2) {
  const v = r2.run.verdict;
  const out = [`## ${v.passed ? "\u2705" : "\u274C"} go-release-gate: ${v.passed ? "pass" : "fail"}`, ""];
  if (v.reasons.length) {
    out.push("**Why it failed**", "");
    for (const reason of v.reasons) out.push(`- ${cell(truncateText(reason, REASON_CHARS))}`);
    out.push("");
  }
  const c = r2.config;
  out.push(
    `Mode **${c.mode}** (${cell(c.modeReason)}), caches ${cacheWords(r2)}, Go **${cell(r2.goVersion || "not installed")}**, ${c.targets.length} target(s), ${formatDuration(r2.run.durationMs)}.`,
    ""
  );
  return out.join("\n");
}
function notes(r2, opts) {
  const out = [];
  for (const s of opts.sarif ?? []) {
    if (!s.cut) continue;
    const why = s.cut === "results-per-run" ? `GitHub accepts at most ${SARIF_LIMITS.resultsPerRun.toLocaleString("en-US")} results per run` : `GitHub accepts at most ${formatBytes(SARIF_LIMITS.gzipBytes)} of gzipped SARIF`;
    out.push(`> [!WARNING]
> results.sarif holds the ${s.kept} most severe of ${s.total} ${cell(s.tool)} findings (${why}); every finding is in report.json.`, "");
  }
  const known = new Set(allRules(r2.run).map((x) => x.id));
  const unknown = [...r2.config.rules.keys()].filter((id) => !known.has(id));
  if (unknown.length) {
    out.push(`> [!WARNING]
> The rules input names ${unknown.map(code).join(", ")}, which match no rule of this version: ${unknown.length === 1 ? "that override has" : "those overrides have"} no effect.`, "");
  }
  return out.join("\n");
}
function overview(r2) {
  return [
    "### Stages",
    "",
    table(
      ["Stage", "Status", "Duration", "Errors", "Warnings", "Notes"],
      r2.run.stages.map((s) => {
        const n = (sev) => String(s.findings.filter((f) => f.severity === sev).length);
        return [s.name, `${ICON[s.status]} ${s.status}`, formatDuration(s.durationMs), n("error"), n("warning"), n("note")];
      })
    ),
    ""
  ].join("\n");
}
function artifacts(r2) {
  return [
    "### Artifacts",
    "",
    table(["File", "Target", "Size", "SHA-256"], r2.artifacts.map((a) => [code(a.displayPath), `${a.goos}/${a.goarch}`, formatBytes(a.size), code(a.sha256)])),
    ""
  ].join("\n");
}
function stageBlocks(r2, s) {
  const blocks = [];
  const top = [`### ${ICON[s.status]} ${s.name}: ${s.status} (${formatDuration(s.durationMs)})`, ""];
  if (s.reason) top.push(`> ${cell(s.reason)}`, "");
  if (s.table) top.push(table(s.table.header.map(cell), s.table.rows.map((row) => row.map(cell))), "");
  const ranked = rankFindings(s.findings, allRules(r2.run));
  if (ranked.length === 0 && !s.table) top.push(s.status === "skipped" ? "Nothing checked." : "No findings.", "");
  blocks.push({ text: top.join("\n"), label: `${s.name} section` });
  if (ranked.length) {
    const shown2 = ranked.slice(0, FINDING_ROWS_PER_STAGE);
    const rows = shown2.map((f) => [SEVERITY_ICON[f.severity], code(f.ruleId), where3(f) ? code(where3(f)) : "", cell(truncateText(f.message, REASON_CHARS))]);
    const more = ranked.length > shown2.length ? `

\u2026 and ${ranked.length - shown2.length} more ${s.name} findings in results.sarif and report.json.` : "";
    blocks.push({ text: `${table(["Severity", "Rule", "Where", "Message"], rows)}${more}
`, label: `${s.name} findings` });
  }
  if (s.details) blocks.push({ text: `${detailsBlock(`${s.name} output`, s.details, DETAILS_CHARS)}
`, label: `${s.name} output` });
  for (const f of ranked.filter((x) => x.details).slice(0, FINDING_DETAILS_PER_STAGE)) {
    if (s.details && f.details && s.details.includes(f.details)) continue;
    blocks.push({ text: `${detailsBlock(`${f.ruleId}: ${truncateText(f.message, 200)}`, f.details, DETAILS_CHARS)}
`, label: `${s.name} details` });
  }
  return blocks;
}
function fit(blocks, limit) {
  const noteBudget = 2048;
  let used = blocks.filter((b) => b.essential).reduce((n, b) => n + Buffer.byteLength(b.text) + 1, 0);
  const out = [];
  const omitted = [];
  let omittedBytes = 0;
  for (const b of blocks) {
    const size = Buffer.byteLength(b.text) + 1;
    if (b.essential) {
      out.push(b.text);
      continue;
    }
    if (used + size + noteBudget > limit) {
      omitted.push(b.label);
      omittedBytes += size;
      continue;
    }
    out.push(b.text);
    used += size;
  }
  if (omitted.length) {
    const labels = [...new Set(omitted)];
    out.push(
      `> [!WARNING]
> **Summary truncated**: ${omitted.length} block(s) (${formatBytes(omittedBytes)}) were left out to stay under GitHub's ${formatBytes(limit)} step-summary limit: ${escapeHtml(labels.slice(0, 10).join(", "))}${labels.length > 10 ? ", \u2026" : ""}. Every finding is in results.sarif and report.json.
`
    );
  }
  const text = out.join("\n");
  if (Buffer.byteLength(text) <= limit - 1) return text;
  const note = `

**Summary truncated** at ${formatBytes(limit)} (GitHub's step-summary limit); everything is in report.json.`;
  let cut = Buffer.from(text).subarray(0, limit - 1 - Buffer.byteLength(note)).toString("utf8");
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf("\n")));
  return `${cut}${note}`;
}
function renderSummary(r2, opts = {}) {
  const blocks = [
    { text: head(r2), essential: true, label: "verdict" },
    { text: notes(r2, opts), essential: true, label: "notes" },
    { text: overview(r2), essential: true, label: "stages" }
  ];
  if (r2.config.mode === "release") blocks.push({ text: renderReleaseReport(r2), essential: true, label: "release report" });
  else if (r2.artifacts.length) blocks.push({ text: artifacts(r2), label: "artifacts" });
  for (const s of r2.run.stages) blocks.push(...stageBlocks(r2, s));
  return `${fit(blocks.filter((b) => b.text !== ""), opts.limit ?? SUMMARY_LIMIT)}
`;
}

// src/report/render.ts
function renderReports(r2) {
  const sarif = buildSarif(r2);
  return {
    sarif: sarif.text,
    json: renderJson(r2, sarif.runs),
    summary: renderSummary(r2, { sarif: sarif.runs }),
    sarifRuns: sarif.runs
  };
}

// src/report/annotations.ts
var ANNOTATION_LIMIT = 10;
function countingLogger(log) {
  const tally = { error: 0, warning: 0 };
  return {
    tally,
    info: (m) => log.info(m),
    debug: (m) => log.debug(m),
    warning: (m, loc) => {
      tally.warning++;
      log.warning(m, loc);
    },
    error: (m, loc) => {
      tally.error++;
      log.error(m, loc);
    },
    group: (name, fn) => log.group(name, fn),
    mask: (s) => log.mask(s)
  };
}
function annotationLocation(loc) {
  if (!loc) return void 0;
  const file = repoRelative(loc.file);
  if (file) return { file, ...loc.line ? { line: loc.line } : {}, ...loc.line && loc.column ? { column: loc.column } : {} };
  return void 0;
}
function annotate(findings, log, opts = {}) {
  const ranked = rankFindings(findings.filter((f) => f.ruleId !== STAGE_CRASHED.id), opts.rules ?? []);
  const emitted = { error: 0, warning: 0 };
  for (const severity2 of ["error", "warning"]) {
    const list3 = ranked.filter((f) => f.severity === severity2);
    const emit = severity2 === "error" ? log.error.bind(log) : log.warning.bind(log);
    const budget = Math.max(0, ANNOTATION_LIMIT - (opts.spent?.[severity2] ?? 0) - (severity2 === "error" ? opts.reserveErrors ?? 0 : 0));
    const shown2 = list3.length <= budget ? list3 : list3.slice(0, Math.max(0, budget - 1));
    for (const f of shown2) emit(`${f.ruleId}: ${f.message}`, annotationLocation(f.location));
    const more = list3.length - shown2.length;
    if (more > 0) {
      const text = `${more} more ${severity2}${more === 1 ? "" : "s"} not shown as annotations (GitHub shows ${ANNOTATION_LIMIT} per step): see the job summary, results.sarif and report.json.`;
      if (budget > 0) emit(text);
      else log.info(text);
    }
    emitted[severity2] = shown2.length + (more > 0 && budget > 0 ? 1 : 0);
  }
  return emitted;
}
function stageAnnotator(log) {
  const hidden = { error: 0, warning: 0 };
  const reserve = { error: 1, warning: 0 };
  return {
    stage(findings, rules) {
      const ranked = rankFindings(findings.filter((f) => f.ruleId !== STAGE_CRASHED.id), rules);
      for (const severity2 of ["error", "warning"]) {
        const emit = severity2 === "error" ? log.error.bind(log) : log.warning.bind(log);
        for (const f of ranked.filter((x) => x.severity === severity2)) {
          const free = ANNOTATION_LIMIT - log.tally[severity2] - reserve[severity2];
          if (hidden[severity2] === 0 && free > 1) emit(`${f.ruleId}: ${f.message}`, annotationLocation(f.location));
          else {
            hidden[severity2]++;
            log.info(`${severity2} ${f.ruleId}: ${f.message} (not annotated: GitHub shows ${ANNOTATION_LIMIT} per step)`);
          }
        }
      }
    },
    /** After the last stage: how many were not annotated, and where they are. */
    finish() {
      for (const severity2 of ["error", "warning"]) {
        const more = hidden[severity2];
        if (more === 0) continue;
        const text = `${more} more ${severity2}${more === 1 ? "" : "s"} not shown as annotations (GitHub shows ${ANNOTATION_LIMIT} per step): see the job summary, results.sarif and report.json.`;
        if (ANNOTATION_LIMIT - log.tally[severity2] - reserve[severity2] > 0) (severity2 === "error" ? log.error : log.warning).call(log, text);
        else log.info(text);
      }
    }
  };
}

// src/report/sources.ts
var import_node_fs28 = __gateBuiltin("node:fs");
var import_node_path32 = __gateBuiltin("node:path");
var MODULE_LINE = /^[ \t]*module[ \t]+("?)([^\s"/][^\s"]*)\1[ \t]*(?:\/\/.*)?$/m;
var USE_LINE = /^[ \t]*use[ \t]+("?)([^\s"()]+)\1[ \t]*(?:\/\/.*)?$/gm;
var USE_BLOCK = /^[ \t]*use[ \t]*\(([^)]*)\)/gm;
function read(file) {
  try {
    return import_node_fs28.default.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}
function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}
function moduleAt(dir) {
  const goMod = import_node_path32.default.join(dir, "go.mod");
  const text = read(goMod);
  const m = text === void 0 ? null : MODULE_LINE.exec(text);
  return m ? { path: m[2], dir, goMod, line: lineOf(text, m.index + m[0].search(/\S/)) } : void 0;
}
function moduleRoots(dir) {
  const roots = [];
  const work = read(import_node_path32.default.join(dir, "go.work"));
  if (work !== void 0) {
    const dirs = [...work.matchAll(USE_LINE)].map((m) => m[2]);
    for (const block2 of work.matchAll(USE_BLOCK)) {
      for (const l of block2[1].split("\n")) {
        const d = l.replace(/\/\/.*$/, "").trim().replace(/^"(.*)"$/, "$1");
        if (d) dirs.push(d);
      }
    }
    for (const d of dirs) {
      const root = moduleAt(import_node_path32.default.resolve(dir, d));
      if (root) roots.push(root);
    }
  }
  const own = moduleAt(dir);
  if (own && !roots.some((r2) => r2.dir === own.dir)) roots.push(own);
  return roots;
}
function mainPackageSource(workspace, roots, importPath) {
  const root = [...roots].filter((r2) => importPath === r2.path || importPath.startsWith(`${r2.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!root) return void 0;
  const pkgDir = import_node_path32.default.join(root.dir, ...importPath.slice(root.path.length).split("/").filter(Boolean));
  const inRepo = (file) => repoRelative(displayPath(workspace, file));
  let names = [];
  try {
    names = import_node_fs28.default.readdirSync(pkgDir).filter((n) => n.endsWith(".go") && !n.endsWith("_test.go") && !n.startsWith(".") && !n.startsWith("_")).sort();
  } catch {
  }
  const candidates = [];
  for (const name of names.slice(0, 200)) {
    const text = read(import_node_path32.default.join(pkgDir, name));
    if (text === void 0) continue;
    const clause = /^package[ \t]+main\b/m.exec(text);
    if (!clause) continue;
    candidates.push({ name, text, clause: clause.index, hasMain: /^func[ \t]+main[ \t]*\([ \t]*\)/m.test(text) });
  }
  const best = candidates.find((c) => c.hasMain) ?? candidates.find((c) => c.name === "main.go") ?? candidates[0];
  if (best) {
    const file = inRepo(import_node_path32.default.join(pkgDir, best.name));
    if (file) return { file, line: lineOf(best.text, best.clause) };
  }
  const goMod = inRepo(root.goMod);
  return goMod ? { file: goMod, line: root.line } : void 0;
}
function artifactSources(workspace, moduleDir, artifacts2) {
  const out = /* @__PURE__ */ new Map();
  const roots = moduleRoots(moduleDir);
  const byPkg = /* @__PURE__ */ new Map();
  for (const a of artifacts2) {
    if (!a.pkg) continue;
    if (!byPkg.has(a.pkg)) byPkg.set(a.pkg, mainPackageSource(workspace, roots, a.pkg));
    const src = byPkg.get(a.pkg);
    if (src) out.set(a.displayPath, src);
  }
  return out;
}
function locateArtifactFindings(findings, sources) {
  return findings.map((f) => {
    const loc = f.location;
    if (!loc?.artifact || loc.file) return f;
    const src = sources.get(loc.artifact);
    if (!src) return f;
    const location = { file: src.file, line: src.line, artifact: loc.artifact };
    return { ...f, location };
  });
}
function artifactLocator(workspace, moduleDir, artifacts2) {
  let seen = -1;
  let sources = /* @__PURE__ */ new Map();
  return (findings) => {
    if (!findings.some((f) => f.location?.artifact && !f.location.file)) return [...findings];
    const list3 = artifacts2();
    if (list3.length !== seen) {
      sources = artifactSources(workspace, moduleDir, list3);
      seen = list3.length;
    }
    return locateArtifactFindings(findings, sources);
  };
}

// src/toolchain/gc.ts
function goGcSettings(env, machine) {
  if ((env.GOGC ?? "") !== "" || (env.GOMEMLIMIT ?? "") !== "") return {};
  const perCoreMiB = Math.floor(machine.totalMemBytes / Math.max(1, machine.cores) / (1 << 20));
  if (!(perCoreMiB >= 1024)) return {};
  return { GOGC: "400", GOMEMLIMIT: `${perCoreMiB}MiB` };
}

// src/run.ts
function initialState(env, out) {
  const goEnv = childEnv("go", env, { GOTOOLCHAIN: "local", ...goGcSettings(env, { totalMemBytes: import_node_os5.default.totalmem(), cores: cores() }) });
  return { goEnv, artifacts: [], facts: {}, ...out ? { out } : {} };
}
async function runGate(inputs, ports, options = {}) {
  const config = parseConfig(inputs, {
    workspace: ports.workspace,
    env: ports.env,
    writableRoots: options.outputRoots ?? [ports.tempDir]
  });
  const stages = options.stages ?? STAGES;
  checkRuleOverrides(config, stages);
  const state = initialState(ports.env, openOutputDir(config.outDir));
  if (options.selectJobs) state.selectJobs = options.selectJobs;
  const log = countingLogger(ports.log);
  const locate2 = artifactLocator(config.workspace, config.dir, () => state.artifacts);
  const annotator = stageAnnotator(log);
  const result = await runPipeline(stages, { config, ports: { ...ports, log }, state }, {
    afterStage: (r2, stage2) => {
      const located = { ...r2, findings: locate2(r2.findings) };
      annotator.stage(located.findings, [...stage2.rules, ...r2.rules ?? []]);
      return located;
    }
  });
  annotator.finish();
  return writeReports(config, ports, state, result, log.tally, { annotated: true });
}
function checkRuleOverrides(config, stages) {
  const known = new Set(stages.flatMap((s) => s.rules.map((r2) => r2.id)));
  for (const id of config.rules.keys()) {
    if (id === STAGE_CRASHED.id) throw new ConfigError("rules", `${id} cannot be overridden: a check that did not run never passes`);
    if (!known.has(id) && !stages.some((s) => s.runtimeRuleIds?.test(id))) {
      const stage2 = id.split("/")[0];
      const near = [...known].filter((k) => k.startsWith(`${stage2}/`));
      throw new ConfigError("rules", `unknown rule id "${id}"${near.length ? ` (${stage2} rules: ${near.join(", ")})` : ""}; see docs/rules.md`);
    }
  }
}
async function writeReports(config, ports, state, result, spent, options = {}) {
  const goMod = import_node_path33.default.join(config.dir, import_node_fs29.default.existsSync(import_node_path33.default.join(config.dir, "go.mod")) ? "go.mod" : "");
  const report = {
    tool: { ...TOOL, version: GATE_VERSION },
    run: result,
    config,
    goVersion: state.go?.version ?? "",
    ...state.go ? { go: state.go } : {},
    artifacts: state.artifacts,
    defaultFile: displayPath(config.workspace, goMod) || "go.mod",
    facts: state.facts
  };
  const out = state.out ?? openOutputDir(config.outDir);
  const rendered = renderReports(report);
  const summary = rendered.summary;
  const files = {
    sarif: out.write("results.sarif", rendered.sarif),
    report: out.write("report.json", rendered.json),
    summary: out.write("summary.md", summary),
    ...state.checksumsFile ? { checksums: state.checksumsFile } : {}
  };
  if (!options.annotated) annotate(result.findings, ports.log, { rules: allRules(result), spent, reserveErrors: result.verdict.passed ? 0 : 1 });
  const o = ports.outputs;
  o.set("verdict", result.verdict.passed ? "pass" : "fail");
  o.set("reasons", JSON.stringify(result.verdict.reasons));
  o.set("mode", config.mode);
  o.set("go-version", report.goVersion);
  o.set("artifacts", JSON.stringify(report.artifacts.map((a) => ({ path: a.displayPath, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 }))));
  o.set("checksums-file", files.checksums ?? "");
  o.set("sarif-file", files.sarif);
  o.set("report-file", files.report);
  o.set("summary-file", files.summary);
  o.set("cache-hit", state.facts["cache-hit"] ?? "off");
  o.set("signatures", state.facts["sign.signatures"] ?? "[]");
  o.set("public-key", state.facts["sign.public-key"] ?? "");
  o.set("provenance", state.facts["sign.provenance"] ?? "");
  await o.summary(summary);
  return { config, result, report, files, out };
}

// src/cli/cache-store.ts
var import_node_fs30 = __gateBuiltin("node:fs");
var import_node_path34 = __gateBuiltin("node:path");
var import_node_child_process3 = require("node:child_process");

// src/cache/match.ts
function matchEntry(entries, primaryKey, restoreKeys) {
  const newestFirst2 = [...entries].sort((a, b) => b.createdAtMs - a.createdAtMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  for (const k of [primaryKey, ...restoreKeys]) {
    const exact = newestFirst2.find((e) => e.key === k);
    if (exact) return exact;
    const prefixed = newestFirst2.find((e) => e.key.startsWith(k));
    if (prefixed) return prefixed;
  }
  return void 0;
}

// src/cache/prune.ts
var newestFirst = (a, b) => b.createdAtMs - a.createdAtMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
function planPrune(entries, policy) {
  const byScope = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const scope = buildScopeOf(e.key);
    if (scope === void 0) continue;
    byScope.set(scope, [...byScope.get(scope) ?? [], e]);
  }
  const keep = new Set(policy.keep);
  const drop = [];
  const kept = [];
  for (const list3 of byScope.values()) {
    const sorted = [...list3].sort(newestFirst);
    const head2 = sorted.find((e) => keep.has(e.key)) ?? sorted[0];
    kept.push(head2);
    for (const e of sorted) if (e !== head2 && !keep.has(e.key)) drop.push(e);
    for (const e of sorted) if (e !== head2 && keep.has(e.key)) kept.push(e);
  }
  let total = kept.reduce((n, e) => n + e.bytes, 0);
  for (const e of [...kept].sort(newestFirst).reverse()) {
    if (total <= policy.maxBuildBytes) break;
    if (keep.has(e.key)) continue;
    drop.push(e);
    total -= e.bytes;
  }
  return drop;
}

// src/cli/cache-store.ts
var DAY = 24 * 60 * 60 * 1e3;
function entryName(key) {
  return sha256Hex(key).slice(0, 40);
}
async function tar(args) {
  await new Promise((resolve, reject) => {
    (0, import_node_child_process3.execFile)("tar", args, { maxBuffer: 16 * 1024 * 1024, encoding: "utf8" }, (e, _stdout, stderr) => {
      if (e) reject(new Error(`tar ${args[0]} failed: ${(stderr || e.message).trim()}`));
      else resolve();
    });
  });
}
function localCacheStore(root, options = {}) {
  const entriesDir = import_node_path34.default.join(root, "entries");
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? 10 * 1024 ** 3;
  const maxIdleMs = options.maxIdleMs ?? 7 * DAY;
  const readEntries = () => {
    if (!import_node_fs30.default.existsSync(entriesDir)) return [];
    const out = [];
    for (const name of import_node_fs30.default.readdirSync(entriesDir)) {
      if (name.startsWith(".")) continue;
      const dir = import_node_path34.default.join(entriesDir, name);
      try {
        out.push({ ...JSON.parse(import_node_fs30.default.readFileSync(import_node_path34.default.join(dir, "meta.json"), "utf8")), dir });
      } catch {
      }
    }
    return out;
  };
  const evict = () => {
    const t = now();
    const entries = readEntries().sort((a, b) => a.accessedAtMs - b.accessedAtMs);
    let total = entries.reduce((n, e) => n + e.bytes, 0);
    for (const e of entries) {
      if (t - e.accessedAtMs <= maxIdleMs && total <= maxBytes) break;
      import_node_fs30.default.rmSync(e.dir, { recursive: true, force: true });
      total -= e.bytes;
    }
  };
  return {
    kind: "local directory",
    // The CLI has no post step: it saves once the gate has written its reports.
    savedAt: "end of the run",
    async restore(paths, primaryKey, restoreKeys) {
      const entry = matchEntry(readEntries().filter((e) => e.paths === paths.length), primaryKey, restoreKeys);
      if (!entry) return {};
      for (const [i, p] of paths.entries()) {
        import_node_fs30.default.mkdirSync(p, { recursive: true });
        await tar(["-xf", import_node_path34.default.join(entry.dir, `${i}.tar`), "-C", p]);
      }
      const meta = { key: entry.key, createdAtMs: entry.createdAtMs, accessedAtMs: now(), paths: entry.paths, bytes: entry.bytes };
      import_node_fs30.default.writeFileSync(import_node_path34.default.join(entry.dir, "meta.json"), JSON.stringify(meta));
      return { matchedKey: entry.key };
    },
    async save(paths, key) {
      const final = import_node_path34.default.join(entriesDir, entryName(key));
      if (import_node_fs30.default.existsSync(import_node_path34.default.join(final, "meta.json"))) return;
      import_node_fs30.default.mkdirSync(entriesDir, { recursive: true });
      const tmp = import_node_fs30.default.mkdtempSync(import_node_path34.default.join(entriesDir, ".new-"));
      try {
        let bytes = 0;
        for (const [i, p] of paths.entries()) {
          if (!import_node_fs30.default.existsSync(p)) throw new Error(`${p} does not exist`);
          const archive = import_node_path34.default.join(tmp, `${i}.tar`);
          await tar(["-cf", archive, "-C", p, "."]);
          bytes += import_node_fs30.default.statSync(archive).size;
        }
        const t = now();
        const meta = { key, createdAtMs: t, accessedAtMs: t, paths: paths.length, bytes };
        import_node_fs30.default.writeFileSync(import_node_path34.default.join(tmp, "meta.json"), JSON.stringify(meta));
        try {
          import_node_fs30.default.renameSync(tmp, final);
        } catch (e) {
          if (!import_node_fs30.default.existsSync(import_node_path34.default.join(final, "meta.json"))) throw e;
        }
      } finally {
        import_node_fs30.default.rmSync(tmp, { recursive: true, force: true });
      }
      evict();
    },
    async prune(policy) {
      let bytes = 0;
      const drop = planPrune(readEntries(), policy);
      for (const e of drop) {
        import_node_fs30.default.rmSync(e.dir, { recursive: true, force: true });
        bytes += e.bytes;
      }
      return { entries: drop.length, bytes };
    }
  };
}

// src/stages/cache-save.ts
var import_node_fs31 = __gateBuiltin("node:fs");
var import_node_path35 = __gateBuiltin("node:path");

// src/cache/trim.ts
var GO_MTIME_INTERVAL_MS = 60 * 60 * 1e3;
var TRIM_SLACK_MS = 60 * 1e3;
function isCacheEntry(relPath) {
  return /^[0-9a-f]{2}\/[0-9a-f]+-[ad]$/.test(relPath);
}
function planTrim(files, opts) {
  const cutoffMs = opts.startedAtMs - GO_MTIME_INTERVAL_MS - TRIM_SLACK_MS;
  const sizeBefore = files.reduce((n, f) => n + f.size, 0);
  const neverSave = files.filter((f) => f.path === "trim.txt");
  const entries = files.filter((f) => isCacheEntry(f.path));
  const unused = entries.filter((f) => f.mtimeMs < cutoffMs);
  const dropped = /* @__PURE__ */ new Set([...unused, ...neverSave]);
  let size = sizeBefore - [...dropped].reduce((n, f) => n + f.size, 0);
  const overLimit = [];
  if (size > opts.maxBytes) {
    const kept = entries.filter((f) => !dropped.has(f)).sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : 1));
    for (const f of kept) {
      if (size <= opts.maxBytes) break;
      overLimit.push(f);
      size -= f.size;
    }
  }
  return {
    unused,
    overLimit,
    neverSave,
    sizeBefore,
    sizeAfter: size,
    touchedThisRun: entries.filter((f) => f.mtimeMs >= opts.startedAtMs).length,
    cutoffMs
  };
}

// src/stages/cache-save.ts
var LABEL2 = { modules: "module cache (GOMODCACHE)", build: "build cache (GOCACHE)", "trivy-db": "Trivy vulnerability DB" };
function describeTrim(t) {
  const sum = (list3) => formatBytes(list3.reduce((n, f) => n + f.size, 0));
  const parts = [`${t.unused.length} entries not used this run (${sum(t.unused)})`];
  if (t.overLimit.length) parts.push(`${t.overLimit.length} oldest entries over cache-max-size (${sum(t.overLimit)})`);
  return `trimmed from ${formatBytes(t.sizeBefore)} to ${formatBytes(t.sizeAfter)}: dropped ${parts.join(" and ")}`;
}
function trimBuildCache(plan, dir) {
  const t = planTrim(listGoCache(dir), { startedAtMs: plan.startedAtMs, maxBytes: plan.maxBytes });
  applyTrim(dir, [...t.unused, ...t.overLimit, ...t.neverSave]);
  return t;
}
async function saveSlot(plan, slot, store, log) {
  const t0 = nowMs();
  const row = (result, detail, extra = {}) => ({
    slot,
    result,
    detail,
    bytes: 0,
    ms: Math.round(nowMs() - t0),
    ...extra
  });
  const decision = saveDecision(plan, slot);
  if (!decision.save) return row("skipped", decision.reason);
  if (!store) return row("skipped", "no cache store");
  if (!import_node_fs31.default.existsSync(slot.dir) || isEmptyDir(slot.dir)) return row("skipped", "nothing to save: the directory is empty");
  if (slot.kind === "trivy-db") {
    const why = dbNotWorthSaving(slot.dir, Date.now());
    if (why) return row("skipped", why);
  }
  let trim;
  if (slot.kind === "build") {
    trim = trimBuildCache(plan, slot.dir);
    log.info(`${LABEL2.build}: ${describeTrim(trim)}`);
    if (trim.touchedThisRun === 0) return row("skipped", "nothing was built or used this run", { trim });
  }
  const bytes = treeSize(slot.dir);
  try {
    await store.save([slot.dir], slot.key);
    log.info(`Saved the ${LABEL2[slot.kind]} (${formatBytes(bytes)}) as ${slot.key}`);
    return row("saved", trim ? describeTrim(trim) : "", { bytes, ...trim ? { trim } : {} });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.warning(`Could not save the ${LABEL2[slot.kind]} as ${slot.key}: ${sentence(message)} The next run restores an older entry or starts cold.`);
    return row("failed", message, { bytes, ...trim ? { trim } : {} });
  }
}
async function pruneStore(plan, store, rows, log) {
  if (!store?.prune || !rows.some((r2) => r2.result === "saved")) return;
  try {
    const keep = rows.filter((r2) => r2.result === "saved").map((r2) => r2.slot.key);
    const pruned = await store.prune({ maxBuildBytes: plan.maxBytes, keep });
    if (pruned.entries > 0) {
      log.info(`${store.kind}: dropped ${pruned.entries} older build cache (GOCACHE) entr${pruned.entries === 1 ? "y" : "ies"} (${formatBytes(pruned.bytes)}): only the newest per scope is kept, within cache-max-size`);
    }
  } catch (e) {
    log.warning(`Could not prune the ${store.kind}: ${sentence(e instanceof Error ? e.message : String(e))} It may hold more than it needs to.`);
  }
}
async function saveCaches(plan, store, log, options = {}) {
  const rows = [];
  for (const slot of plan.slots) {
    try {
      rows.push(await saveSlot(plan, slot, store, log));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.warning(`Could not prepare the ${LABEL2[slot.kind]} for saving: ${sentence(message)}`);
      rows.push({ slot, result: "failed", detail: message, bytes: 0, ms: 0 });
    }
  }
  await pruneStore(plan, store, rows, log);
  if (options.removeDirs) {
    for (const slot of plan.slots) {
      try {
        removeTree(slot.dir);
        const parent = import_node_path35.default.dirname(slot.dir);
        if (import_node_fs31.default.readdirSync(parent).every((n) => /^use-\d+$/.test(n))) removeTree(parent);
      } catch {
      }
    }
  }
  return rows;
}
function renderSaveSummary(rows) {
  const label2 = (s) => LABEL2[s.kind];
  return [
    "### cache save",
    "",
    table(
      ["Cache", "Result", "Key", "Saved", "Trimmed", "Time", "Note"],
      rows.map((r2) => [
        label2(r2.slot),
        r2.result,
        cell(r2.result === "saved" ? r2.slot.key : ""),
        r2.result === "saved" ? formatBytes(r2.bytes) : "",
        r2.trim ? cell(`${formatBytes(r2.trim.sizeBefore)} -> ${formatBytes(r2.trim.sizeAfter)}`) : "",
        formatDuration(r2.ms),
        cell(r2.result === "saved" ? "" : r2.detail)
      ])
    ),
    ""
  ].join("\n");
}

// src/cli/inspect-command.ts
var USAGE = `usage: go-release-gate inspect [--json | --go-version-m] FILE...

Reads ELF, PE and Mach-O binaries without native tools and prints, per file: format,
architecture, static or dynamic (interpreter, needed libraries, rpath), libc flavour,
symbol version needs and glibc floor, CPU level, stripped, PIE, RELRO, NX, build ids,
Go build info, leaked source paths, tzdata, certificate roots and UPX.

  --json           one JSON array of records (fields documented in docs/inspect.md)
  --go-version-m   print exactly what \`go version -m FILE\` prints
`;
var yn = (v) => v === null ? "n/a" : v ? "yes" : "no";
var list2 = (xs) => xs.length ? xs.join(", ") : "-";
function describe3(b, file) {
  const lines = [
    ["format", `${b.format} ${b.arch} (${b.bits}-bit, ${b.endian} endian), ${b.type}`],
    ["static", yn(b.static)],
    ["interpreter", b.interpreter ?? "-"],
    ["needed", list2(b.needed)]
  ];
  if (b.libc !== null) lines.push(["libc", b.libc]);
  for (const n of b.versionNeeds) lines.push([`versions ${n.file}`, list2(n.versions)]);
  const floors = [b.glibcFloor && `GLIBC_${b.glibcFloor}`, b.glibcxxFloor && `GLIBCXX_${b.glibcxxFloor}`, b.cxxabiFloor && `CXXABI_${b.cxxabiFloor}`].filter(Boolean);
  if (b.libc !== null) lines.push(["needs at least", floors.length ? floors.join(", ") : "-"]);
  const cpu = formatCpuLevel(b.cpuLevel);
  if (cpu) lines.push(["cpu level", cpu]);
  if (b.rpath.length) lines.push(["rpath", list2(b.rpath)]);
  if (b.runpath.length) lines.push(["runpath", list2(b.runpath)]);
  lines.push(["hardening", `stripped ${yn(b.stripped)}, PIE ${yn(b.pie)}, RELRO ${b.relro}, NX ${yn(b.nx)}`]);
  if (b.goBuildId) lines.push(["go build id", b.goBuildId]);
  if (b.gnuBuildId) lines.push(["gnu build id", b.gnuBuildId]);
  const bi = b.buildInfo;
  if (bi) {
    lines.push(["go", bi.goVersion]);
    if (bi.path) lines.push(["path", bi.path]);
    if (bi.main) lines.push(["module", `${bi.main.path} ${bi.main.version}`.trim()]);
    lines.push(["deps", String(bi.deps.length)]);
    const s = (k) => bi.settings.find((x) => x.key === k)?.value;
    if (s("vcs.revision")) lines.push(["vcs", `${s("vcs") ?? ""} ${s("vcs.revision")}${s("vcs.modified") === "true" ? " (modified)" : ""}`.trim()]);
    lines.push(["settings", bi.settings.filter((x) => !x.key.startsWith("vcs") && x.key !== "DefaultGODEBUG").map((x) => `${x.key}=${x.value}`).join(" ")]);
  } else {
    lines.push(["go", b.buildInfoError ? `build info unreadable: ${b.buildInfoError}` : b.go ? "Go, no build info" : "not a Go binary"]);
  }
  const leaks = b.leakedPaths;
  lines.push(["leaked paths", leaks.count ? `${leaks.count}, e.g. ${leaks.examples.slice(0, 3).join(", ")}` : "0"]);
  lines.push(["tzdata", `${yn(b.tzdata)} (calls time.LoadLocation: ${yn(b.usesLoadLocation)})`]);
  lines.push(["ca roots", `system roots ${b.usesSystemRoots ? "loaded" : "not loaded"}, own roots ${b.embedsRoots ? "embedded" : "none"}`]);
  lines.push(["upx", yn(b.upx)]);
  const width = Math.max(...lines.map(([k]) => k.length));
  return `${file}
${lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join("\n")}
`;
}
async function runInspectCommand(args, out) {
  let json2 = false;
  let goVersionM = false;
  const files = [];
  let flags = true;
  for (const a of args) {
    if (flags && a === "--") flags = false;
    else if (flags && a === "--json") json2 = true;
    else if (flags && a === "--go-version-m") goVersionM = true;
    else if (flags && (a === "-h" || a === "--help")) {
      out.stdout(USAGE);
      return 0;
    } else if (flags && a.startsWith("-") && a !== "-") {
      out.stderr(`inspect: unknown flag ${a}
${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0 || json2 && goVersionM) {
    out.stderr(`inspect: ${files.length === 0 ? "no FILE given" : "--json and --go-version-m exclude each other"}
${USAGE}`);
    return 2;
  }
  let failed = false;
  const records = [];
  for (const file of files) {
    let info;
    try {
      info = await inspectFile(file);
    } catch (e) {
      failed = true;
      const why = e instanceof FormatError ? e.message : e.code ? e.message : String(e);
      out.stderr(goVersionM ? `${file}: could not read Go build info from ${file}: ${why}
` : `${file}: ${why}
`);
      continue;
    }
    if (info.buildInfoError) failed = true;
    if (goVersionM) {
      if (info.goVersionM) out.stdout(info.goVersionM);
      else {
        failed = true;
        out.stderr(`${file}: could not read Go build info from ${file}: ${info.buildInfoError ?? "not a Go executable"}
`);
      }
    } else if (json2) records.push(...toJson(info));
    else {
      for (const s of info.slices ?? [info]) out.stdout(describe3(s, info.slices ? `${file} (${s.arch})` : file));
      if (info.buildInfoError) out.stderr(`${file}: Go build info unreadable: ${info.buildInfoError}
`);
    }
  }
  if (json2) out.stdout(`${JSON.stringify(records, null, 2)}
`);
  return failed ? 1 : 0;
}

// src/cli/exit.ts
var EXIT_PASS = 0;
var EXIT_FAIL = 1;
var EXIT_USAGE = 2;
function usageErrors(result) {
  const usage2 = new Set(allRules(result).filter((r2) => r2.usageError).map((r2) => r2.id));
  return result.findings.filter((f) => f.severity === "error" && usage2.has(f.ruleId));
}
function exitCodeOf(result) {
  if (usageErrors(result).length) return EXIT_USAGE;
  return result.verdict.passed ? EXIT_PASS : EXIT_FAIL;
}

// src/fanout/manifest.ts
var MANIFEST_NAME = "shard.json";
var MANIFEST_SCHEMA = "go-release-gate/shard-bundle@1";
var BundleError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "BundleError";
  }
};
function renderManifest(m) {
  return `${JSON.stringify(m, null, 2)}
`;
}
var HEX64 = /^[0-9a-f]{64}$/;
var PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,254}$/;
function parseManifest(text, file) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BundleError(`${file}: not JSON (${e.message})`);
  }
  const bad = (field2, want) => {
    throw new BundleError(`${file}: ${field2} must be ${want}`);
  };
  const obj2 = (v, field2) => v && typeof v === "object" && !Array.isArray(v) ? v : bad(field2, "an object");
  const str3 = (v, field2, re) => typeof v === "string" && (!re || re.test(v)) ? v : bad(field2, re ? `a string matching ${re}` : "a string");
  const int = (v, field2, min, max) => Number.isInteger(v) && v >= min && v <= max ? v : bad(field2, `an integer from ${min} to ${max}`);
  const arr = (v, field2) => Array.isArray(v) ? v : bad(field2, "an array");
  const bool = (v, field2) => typeof v === "boolean" ? v : bad(field2, "true or false");
  const strings = (v, field2) => arr(v, field2).map((x, i) => str3(x, `${field2}[${i}]`));
  const job = (v, field2) => {
    const o = obj2(v, field2);
    return { goos: str3(o.goos, `${field2}.goos`, /^[a-z0-9]+$/), goarch: str3(o.goarch, `${field2}.goarch`, /^[a-z0-9]+$/), pkg: str3(o.pkg, `${field2}.pkg`, /^\S+$/) };
  };
  const d = obj2(doc, "the document");
  if (d.schema !== MANIFEST_SCHEMA) bad("schema", `"${MANIFEST_SCHEMA}" (a bundle of another go-release-gate version?)`);
  const s = obj2(d.shard, "shard");
  const count = int(s.count, "shard.count", 1, MAX_SHARDS);
  const shard = { index: int(s.index, "shard.index", 1, count), count };
  const set = obj2(d.set, "set");
  const runner2 = obj2(d.runner, "runner");
  const files = obj2(d.files, "files");
  const build2 = obj2(d.build, "build");
  const verdict = d.verdict === "pass" || d.verdict === "fail" ? d.verdict : bad("verdict", '"pass" or "fail"');
  return {
    schema: MANIFEST_SCHEMA,
    shard,
    set: { id: str3(set.id, "set.id", HEX64), jobs: arr(set.jobs, "set.jobs").map((j, i) => job(j, `set.jobs[${i}]`)) },
    jobs: arr(d.jobs, "jobs").map((j, i) => job(j, `jobs[${i}]`)),
    commit: str3(d.commit, "commit", /^([0-9a-f]{40}|[0-9a-f]{64})?$/),
    runner: { os: str3(runner2.os, "runner.os"), arch: str3(runner2.arch, "runner.arch") },
    startedAt: str3(d.startedAt, "startedAt"),
    durationMs: int(d.durationMs, "durationMs", 0, Number.MAX_SAFE_INTEGER),
    verdict,
    reasons: arr(d.reasons, "reasons").map((r2, i) => str3(r2, `reasons[${i}]`)),
    goVersion: str3(d.goVersion, "goVersion"),
    toolVersion: str3(d.toolVersion, "toolVersion"),
    defaultFile: str3(d.defaultFile, "defaultFile"),
    binaries: arr(d.binaries, "binaries").map((b, i) => {
      const o = obj2(b, `binaries[${i}]`);
      const f = `binaries[${i}]`;
      return {
        name: str3(o.name, `${f}.name`, PLAIN_NAME),
        goos: str3(o.goos, `${f}.goos`),
        goarch: str3(o.goarch, `${f}.goarch`),
        pkg: str3(o.pkg, `${f}.pkg`),
        size: int(o.size, `${f}.size`, 0, Number.MAX_SAFE_INTEGER),
        sha256: str3(o.sha256, `${f}.sha256`, HEX64)
      };
    }),
    build: {
      targets: strings(build2.targets, "build.targets"),
      packages: strings(build2.packages, "build.packages"),
      ldflags: str3(build2.ldflags, "build.ldflags"),
      tags: strings(build2.tags, "build.tags"),
      cgo: bool(build2.cgo, "build.cgo"),
      strip: bool(build2.strip, "build.strip"),
      dependencies: arr(build2.dependencies, "build.dependencies").map((x, i) => {
        const f = `build.dependencies[${i}]`;
        const o = obj2(x, f);
        const digest = obj2(o.digest, `${f}.digest`);
        return {
          ...o.uri !== void 0 ? { uri: str3(o.uri, `${f}.uri`) } : {},
          ...o.name !== void 0 ? { name: str3(o.name, `${f}.name`) } : {},
          digest: Object.fromEntries(Object.entries(digest).map(([k, v]) => [k, str3(v, `${f}.digest.${k}`)]))
        };
      })
    },
    files: {
      report: str3(files.report, "files.report", PLAIN_NAME),
      sarif: str3(files.sarif, "files.sarif", PLAIN_NAME),
      summary: str3(files.summary, "files.summary", PLAIN_NAME),
      ...files.checksums !== void 0 ? { checksums: str3(files.checksums, "files.checksums", PLAIN_NAME) } : {}
    }
  };
}
function parseChecksums(text, file) {
  const out = [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m || !PLAIN_NAME.test(m[2])) throw new BundleError(`${file}:${i + 1}: not a "<sha256>  <file name>" line`);
    out.push({ sha256: m[1], name: m[2] });
  });
  return out;
}

// src/fanout/shard.ts
var SHARD_STAGES = STAGES.map(
  (s) => s.name === "sign" ? { ...s, run: async () => skipped("a shard never signs: the merge job signs the merged release once") } : s
);
async function runShard(inputs, ports, options = {}) {
  const shard = parseShardInput(inputs.shard ?? "");
  if (!shard) throw new ConfigError("shard", "is empty: a shard run needs i/n");
  let all = [];
  const env = { ...ports.env, GITHUB_JOB: `${ports.env.GITHUB_JOB ?? ""}/shard-${shard.index}-of-${shard.count}` };
  const outcome = await runGate(inputs, { ...ports, env }, {
    ...options,
    stages: SHARD_STAGES,
    selectJobs: (jobs) => {
      all = sortJobs(jobs);
      const mine = shareOf(all, shard);
      ports.log.info(`shard ${shardLabel(shard)}: ${mine.length} of ${all.length} build job(s)`);
      return mine;
    }
  });
  const { report, result } = outcome;
  const manifest = {
    schema: MANIFEST_SCHEMA,
    shard,
    set: { id: setIdOf(all, shard.count), jobs: all },
    jobs: shareOf(all, shard),
    commit: await sourceCommit(outcome.config, ports),
    runner: { os: ports.platform.os, arch: ports.platform.arch },
    startedAt: result.startedAt.toISOString(),
    durationMs: result.durationMs,
    verdict: result.verdict.passed ? "pass" : "fail",
    reasons: result.verdict.reasons,
    goVersion: report.goVersion,
    toolVersion: GATE_VERSION,
    defaultFile: report.defaultFile,
    binaries: report.artifacts.map((a) => ({ name: a.name, goos: a.goos, goarch: a.goarch, pkg: a.pkg, size: a.size, sha256: a.sha256 })),
    build: buildParameters(outcome.config, ports),
    files: {
      report: "report.json",
      sarif: "results.sarif",
      summary: "summary.md",
      ...outcome.files.checksums ? { checksums: "SHA256SUMS" } : {}
    }
  };
  const manifestFile = outcome.out.write(MANIFEST_NAME, renderManifest(manifest));
  return { ...outcome, shard, manifest, manifestFile };
}
function buildParameters(config, ports) {
  try {
    return buildParametersOf(config);
  } catch (e) {
    ports.log.warning(`shard: go.sum could not be read for the provenance (${e.message}): the bundle lists no module dependencies`);
    return buildParametersOf(config, []);
  }
}
async function sourceCommit(config, ports) {
  if (config.event.sha) return config.event.sha;
  try {
    const r2 = await ports.exec.run("git", ["rev-parse", "HEAD"], { cwd: config.dir, env: childEnv("git", ports.env) });
    const sha = r2.stdout.trim();
    if (r2.code === 0 && /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) return sha;
  } catch {
  }
  ports.log.warning("shard: the source commit is unknown (no GITHUB_SHA and no git checkout): the merge cannot tell shards of different commits apart");
  return "";
}

// src/cli/merge-command.ts
var import_node_fs34 = __gateBuiltin("node:fs");
var import_node_os6 = __gateBuiltin("node:os");
var import_node_path38 = __gateBuiltin("node:path");

// src/fanout/merge-run.ts
var import_node_fs33 = __gateBuiltin("node:fs");
var import_node_path37 = __gateBuiltin("node:path");

// src/fanout/bundle.ts
var import_node_fs32 = __gateBuiltin("node:fs");
var import_node_path36 = __gateBuiltin("node:path");
function readRegular(dir, name) {
  const p = import_node_path36.default.join(dir, name);
  let st;
  try {
    st = import_node_fs32.default.lstatSync(p);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
  if (!st.isFile()) throw new BundleError(`${p} is not a regular file (${st.isSymbolicLink() ? "a symbolic link" : "not a file"})`);
  const fd = import_node_fs32.default.openSync(p, import_node_fs32.default.constants.O_RDONLY | (import_node_fs32.default.constants.O_NOFOLLOW ?? 0));
  try {
    return import_node_fs32.default.readFileSync(fd);
  } finally {
    import_node_fs32.default.closeSync(fd);
  }
}
function required(dir, name) {
  const data = readRegular(dir, name);
  if (!data) throw new BundleError(`${import_node_path36.default.join(dir, name)} is missing: not a complete shard bundle`);
  return data;
}
function json(dir, name) {
  try {
    const v = JSON.parse(required(dir, name).toString("utf8"));
    if (v && typeof v === "object" && !Array.isArray(v)) return v;
    throw new Error("not a JSON object");
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError(`${import_node_path36.default.join(dir, name)}: ${e.message}`);
  }
}
function loadBundle(dir, source) {
  const manifestFile = import_node_path36.default.join(dir, MANIFEST_NAME);
  const manifest = parseManifest(required(dir, MANIFEST_NAME).toString("utf8"), manifestFile);
  const report = json(dir, manifest.files.report);
  const sarif = json(dir, manifest.files.sarif);
  const sumsName = manifest.files.checksums;
  const checksums = sumsName ? parseChecksums(required(dir, sumsName).toString("utf8"), import_node_path36.default.join(dir, sumsName)) : [];
  return { dir, report, sarif, view: { source, manifest, reportVerdict: String(report.verdict), checksums } };
}
function digestNow(dir, name) {
  const p = import_node_path36.default.join(dir, name);
  const st = import_node_fs32.default.lstatSync(p, { throwIfNoEntry: false });
  if (!st?.isFile()) return void 0;
  return sha256File(p, { noFollow: true });
}

// src/fanout/check.ts
var help = (text) => `${text} Re-run the shard jobs of one workflow run (or one commit) and merge their bundles.`;
var MISSING_SHARD = rule({
  id: "merge/missing-shard",
  name: "MissingShard",
  shortDescription: "A shard of the set did not arrive.",
  fullDescription: "The shards say the release is split n ways, and no bundle of one of them was given to the merge (its job failed before uploading, was skipped or cancelled, or its artifact is missing). A release missing a shard is missing binaries.",
  help: help("Check the shard job named in the message."),
  defaultSeverity: "error"
});
var UNREADABLE_BUNDLE = rule({
  id: "merge/unreadable-bundle",
  name: "UnreadableBundle",
  shortDescription: "A shard bundle could not be read.",
  fullDescription: "A directory given to the merge has no valid shard.json, report.json, results.sarif or SHA256SUMS, so nothing in it can be checked.",
  help: help("Point the merge at the output directories of shard runs (run --shard i/n)."),
  defaultSeverity: "error"
});
var DUPLICATE_SHARD = rule({
  id: "merge/duplicate-shard",
  name: "DuplicateShard",
  shortDescription: "Two bundles claim the same shard.",
  fullDescription: "Two bundles carry the same shard number of one set; the merge cannot tell which one is the release.",
  help: help("Give each shard bundle once."),
  defaultSeverity: "error"
});
var OTHER_SET = rule({
  id: "merge/other-set",
  name: "OtherSet",
  shortDescription: "A shard belongs to another set.",
  fullDescription: "A shard split a different list of targets x packages, a different number of shards, or built with another Go or go-release-gate version or other build inputs (ldflags, tags, cgo, strip, packages, go.sum) than the others, or its share is not the one the split gives it, or it was built in check mode for a release: its binaries are not part of this release.",
  help: help("Give every shard the same inputs, toolchain, mode and shard count (n of i/n)."),
  defaultSeverity: "error"
});
var OTHER_COMMIT = rule({
  id: "merge/other-commit",
  name: "OtherCommit",
  shortDescription: "A shard built another commit.",
  fullDescription: "A shard bundle records a different source commit than the other shards: the merged release would mix two versions of the code.",
  help: help("A re-run of only some shards after a new push mixes commits."),
  defaultSeverity: "error"
});
var SHARD_FAILED = rule({
  id: "merge/shard-failed",
  name: "ShardFailed",
  shortDescription: "A shard did not pass.",
  fullDescription: "A shard's own verdict was fail: one of its checks failed or could not run. The merged release never passes over a failed shard.",
  help: help("Read that shard's summary; the reasons are repeated in the message."),
  defaultSeverity: "error"
});
var CHECKSUM_MISMATCH = rule({
  id: "merge/checksum-mismatch",
  name: "ChecksumMismatch",
  shortDescription: "A binary does not match its shard's checksum.",
  fullDescription: "A binary in a shard bundle is missing, or its SHA-256 differs from the one its shard wrote into SHA256SUMS and shard.json: it changed between build and merge (tampered or corrupted), or the shard did not deliver a binary of its share.",
  help: help("Never publish it: find out who could write the bundle between the shard and the merge."),
  defaultSeverity: "error"
});
var FOREIGN_OUTPUT2 = rule({
  id: "merge/foreign-output",
  name: "ForeignOutput",
  shortDescription: "The merge output directory holds files the merge did not produce.",
  fullDescription: "Whatever is in the merge output directory is what an upload of it publishes. Files the gate writes left by an earlier run are removed first; any other entry is not the gate's to delete, so the merge fails naming it.",
  help: "Point --out (output-dir) at a directory only go-release-gate writes to, or remove the files named in the message.",
  defaultSeverity: "error"
});
var MERGE_RULES = [FOREIGN_OUTPUT2, MISSING_SHARD, UNREADABLE_BUNDLE, DUPLICATE_SHARD, OTHER_SET, OTHER_COMMIT, SHARD_FAILED, CHECKSUM_MISMATCH];
function buildDifferences(a, b) {
  const names = Object.keys({ ...a, ...b });
  return names.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => k === "dependencies" ? "go.sum" : k);
}
function mostCommon(views, keyOf3, valueOf) {
  const tally = /* @__PURE__ */ new Map();
  for (const v of views) {
    const k = keyOf3(v);
    const t = tally.get(k);
    if (t) t.n++;
    else tally.set(k, { n: 1, first: v.manifest.shard.index, value: valueOf(v) });
  }
  return [...tally.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0]?.value;
}
var label = (v) => `shard ${shardLabel(v.manifest.shard)} (${v.source})`;
function checkShards(views, actual, whereMissing = () => "no bundle of it was given to the merge") {
  const findings = [];
  const add = (r2, subject, message, details) => findings.push(finding(r2, "merge", { message, subject, ...details ? { details } : {} }));
  const sorted = [...views].sort((a, b) => a.manifest.shard.index - b.manifest.shard.index || (a.source < b.source ? -1 : 1));
  const ref = mostCommon(sorted, (v) => `${v.manifest.shard.count}\0${v.manifest.set.id}`, (v) => ({ count: v.manifest.shard.count, setId: v.manifest.set.id, jobs: v.manifest.set.jobs }));
  if (!ref) return { findings, members: [], reported: [] };
  const inSet = sorted.filter((v) => v.manifest.shard.count === ref.count && v.manifest.set.id === ref.setId);
  for (const v of sorted) {
    if (inSet.includes(v)) continue;
    add(OTHER_SET, `set\0${v.source}`, `${label(v)} belongs to another set: ${v.manifest.shard.count} shards of set ${v.manifest.set.id.slice(0, 12)}, the others ${ref.count} shards of set ${ref.setId.slice(0, 12)} (a different shard count, targets or packages)`);
  }
  const commit = mostCommon(inSet, (v) => v.manifest.commit, (v) => v.manifest.commit) ?? "";
  const goVersion = mostCommon(inSet, (v) => v.manifest.goVersion, (v) => v.manifest.goVersion) ?? "";
  const toolVersion = mostCommon(inSet, (v) => v.manifest.toolVersion, (v) => v.manifest.toolVersion) ?? "";
  const build2 = mostCommon(inSet, (v) => JSON.stringify(v.manifest.build), (v) => v.manifest.build);
  const reference = { ...ref, commit, goVersion, toolVersion, ...build2 ? { build: build2 } : {} };
  const members = [];
  const reported = [];
  const seen = /* @__PURE__ */ new Map();
  for (const v of inSet) {
    const m = v.manifest;
    const first = seen.get(m.shard.index);
    if (first) {
      add(DUPLICATE_SHARD, `dup\0${m.shard.index}`, `shard ${shardLabel(m.shard)} was given twice: ${first.source} and ${v.source}`);
      continue;
    }
    seen.set(m.shard.index, v);
    let member = true;
    if (m.commit !== commit) {
      add(OTHER_COMMIT, `commit\0${m.shard.index}`, `${label(v)} built commit ${m.commit || "(unknown)"}, the other shards ${commit || "(unknown)"}`);
      member = false;
    }
    if (m.goVersion !== goVersion || m.toolVersion !== toolVersion) {
      add(OTHER_SET, `tool\0${m.shard.index}`, `${label(v)} built with Go ${m.goVersion || "(none)"} and go-release-gate ${m.toolVersion}, the other shards with Go ${goVersion || "(none)"} and go-release-gate ${toolVersion}: pin go-version so every runner builds with the same Go`);
      member = false;
    }
    const differs = build2 ? buildDifferences(m.build, build2) : [];
    if (differs.length) {
      add(OTHER_SET, `build\0${m.shard.index}`, `${label(v)} built with other ${differs.join(", ")} than the other shards: give every shard the same inputs`);
      member = false;
    }
    const share = shareOf(ref.jobs, m.shard);
    if (!sameJobs(m.jobs, share)) {
      add(OTHER_SET, `share\0${m.shard.index}`, `${label(v)} built ${m.jobs.length} job(s), not the ${share.length} its share of the set holds`);
      member = false;
    }
    if (m.verdict !== "pass" || v.reportVerdict !== "pass") {
      const why = m.reasons.length ? `: ${m.reasons.join("; ")}` : m.verdict === "pass" ? ": its report.json says fail" : "";
      add(SHARD_FAILED, `failed\0${m.shard.index}`, `${label(v)} failed${why}`, m.reasons.join("\n"));
      member = false;
    }
    findings.push(...binaryProblems(v, share, actual));
    if (member) members.push(v);
    if (m.commit === commit) reported.push(v);
  }
  for (let i = 1; i <= ref.count; i++) {
    if (!seen.has(i)) add(MISSING_SHARD, `missing\0${i}`, `shard ${i}/${ref.count} did not arrive: ${whereMissing(i, ref.count)}`);
  }
  return { findings, members, reported, reference };
}
function binaryProblems(v, share, actual) {
  const out = [];
  const m = v.manifest;
  const bad = (name, message) => out.push(finding(CHECKSUM_MISMATCH, "merge", { message: `${label(v)}: ${message}`, subject: `sum\0${m.shard.index}\0${name}` }));
  const sums = new Map(v.checksums.map((c) => [c.name, c.sha256]));
  const listed = new Map(m.binaries.map((b) => [b.name, b]));
  if (m.verdict === "pass") {
    for (const j of share) {
      const name = artifactFileName(binaryName(j.pkg), { goos: j.goos, goarch: j.goarch });
      if (!listed.has(name)) bad(name, `${name} (${j.pkg} for ${j.goos}/${j.goarch}) is part of its share but not in its bundle`);
    }
  }
  for (const c of v.checksums) if (!listed.has(c.name)) bad(c.name, `SHA256SUMS lists ${c.name}, which shard.json does not`);
  for (const b of m.binaries) {
    const sum = sums.get(b.name);
    if (sum === void 0) {
      bad(b.name, `${b.name} is not in its SHA256SUMS`);
      continue;
    }
    if (sum !== b.sha256) {
      bad(b.name, `${b.name}: SHA256SUMS says ${sum}, shard.json ${b.sha256}`);
      continue;
    }
    const now = actual(v, b.name);
    if (now === void 0) bad(b.name, `${b.name} is missing from the bundle`);
    else if (now !== sum) bad(b.name, `${b.name} no longer matches its checksum (SHA256SUMS ${sum}, the file now ${now}): tampered with or corrupted after the build`);
  }
  return out;
}

// src/fanout/merge.ts
function mergeChecksums(lists) {
  const byName = /* @__PURE__ */ new Map();
  const conflicts = [];
  for (const list3 of lists) {
    for (const e of list3) {
      const had = byName.get(e.name);
      if (had === void 0) byName.set(e.name, e.sha256);
      else if (had !== e.sha256 && !conflicts.includes(e.name)) conflicts.push(e.name);
    }
  }
  return { text: renderChecksums([...byName].map(([name, sha256]) => ({ name, sha256 }))), conflicts: conflicts.sort() };
}
function mergeFindings(perShard) {
  const kept = /* @__PURE__ */ new Map();
  for (const findings of perShard) {
    const n = /* @__PURE__ */ new Map();
    for (const f of findings) {
      const k = (n.get(f.fingerprint) ?? 0) + 1;
      n.set(f.fingerprint, k);
      const key = `${f.fingerprint}:${k}`;
      if (!kept.has(key)) kept.set(key, f);
    }
  }
  return [...kept.values()].sort(compareFindings);
}
var WORST = ["errored", "failed", "passed", "skipped"];
function mergeStages(perShard, findings) {
  const names = [];
  for (const stages of perShard) for (const s of stages) if (!names.includes(s.name)) names.push(s.name);
  return names.map((name) => {
    const all = perShard.flatMap((stages) => stages.filter((s) => s.name === name));
    const status = WORST.find((st) => all.some((s) => s.status === st)) ?? "skipped";
    const reason = all.find((s) => s.status === status && s.reason)?.reason;
    const metrics = {};
    const keys = [...new Set(all.flatMap((s) => Object.keys(s.metrics ?? {})))];
    for (const k of keys) {
      const values = all.map((s) => s.metrics?.[k]).filter((v) => v !== void 0);
      if (values.every((v) => typeof v === "number")) metrics[k] = values.reduce((a, b) => a + b, 0);
      else if (values.every((v) => v === values[0])) metrics[k] = values[0];
    }
    return {
      name,
      status,
      ...reason ? { reason } : {},
      durationMs: Math.max(0, ...all.map((s) => s.durationMs)),
      findings: findings.filter((f) => f.stage === name),
      ...keys.length ? { metrics } : {}
    };
  });
}
function mergedVerdict(stages) {
  return decide(stages);
}
var LEVEL_ORDER = { error: 0, warning: 1, note: 2, none: 3 };
function mergeSarif(docs, extra) {
  const runs = /* @__PURE__ */ new Map();
  const order2 = [];
  for (const doc2 of docs) {
    for (const run4 of doc2.runs ?? []) {
      const key = `${run4.tool.driver.name}\0${run4.automationDetails?.id ?? ""}`;
      const into = runs.get(key);
      if (!into) {
        runs.set(key, structuredClone({ ...run4, results: [] }));
        order2.push(key);
      }
      addResults(runs.get(key), run4);
    }
  }
  if (extra.findings.length) {
    let checks = [...runs.values()].find((r2) => r2.tool.driver.name === extra.tool.name);
    if (!checks) {
      checks = {
        tool: { driver: { name: extra.tool.name, version: extra.tool.version, informationUri: extra.tool.informationUri, semanticVersion: extra.tool.version, rules: [] } },
        automationDetails: { id: "go-release-gate/checks/" },
        invocations: [{ executionSuccessful: true }],
        results: []
      };
      runs.set("checks", checks);
      order2.unshift("checks");
    }
    const rules = checks.tool.driver.rules ?? (checks.tool.driver.rules = []);
    for (const r2 of extra.rules) if (!rules.some((x) => x.id === r2.id)) rules.push(sarifRule(r2));
    const seen = /* @__PURE__ */ new Map();
    for (const f of extra.findings) {
      const n = (seen.get(f.fingerprint) ?? 0) + 1;
      seen.set(f.fingerprint, n);
      checks.results.push(sarifResult(f, rules.findIndex((x) => x.id === f.ruleId), `${f.fingerprint}:${n}`, extra.defaultFile));
    }
  }
  for (const run4 of runs.values()) {
    run4.results = run4.results.map((r2, i) => ({ r: r2, i })).sort((a, b) => (LEVEL_ORDER[String(a.r.level)] ?? 3) - (LEVEL_ORDER[String(b.r.level)] ?? 3) || a.i - b.i).map((x) => x.r);
    if (run4.results.length > SARIF_LIMITS.resultsPerRun) run4.results = run4.results.slice(0, SARIF_LIMITS.resultsPerRun);
  }
  const doc = { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: order2.map((k) => runs.get(k)) };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function fingerprintOf2(result) {
  const fp = result.partialFingerprints?.primaryLocationLineHash;
  return typeof fp === "string" ? fp : JSON.stringify([result.ruleId, result.message, result.locations]);
}
function addResults(into, run4) {
  const rules = into.tool.driver.rules ?? (into.tool.driver.rules = []);
  const own = run4.tool.driver.rules ?? [];
  for (const r2 of own) if (!rules.some((x) => x.id === r2.id)) rules.push(structuredClone(r2));
  const have = new Set(into.results.map(fingerprintOf2));
  for (const result of run4.results ?? []) {
    const fp = fingerprintOf2(result);
    if (have.has(fp)) continue;
    have.add(fp);
    const index = rules.findIndex((x) => x.id === result.ruleId);
    into.results.push({ ...structuredClone(result), ...index >= 0 ? { ruleIndex: index } : {} });
  }
  const a = (into.invocations ??= [{}])[0];
  const b = run4.invocations?.[0];
  if (b && a !== b) {
    a.executionSuccessful = a.executionSuccessful !== false && b.executionSuccessful !== false;
    if (typeof b.startTimeUtc === "string" && (typeof a.startTimeUtc !== "string" || b.startTimeUtc < a.startTimeUtc)) a.startTimeUtc = b.startTimeUtc;
    if (typeof b.endTimeUtc === "string" && (typeof a.endTimeUtc !== "string" || b.endTimeUtc > a.endTimeUtc)) a.endTimeUtc = b.endTimeUtc;
    const notes2 = [...a.toolExecutionNotifications ?? [], ...b.toolExecutionNotifications ?? []];
    const unique = notes2.filter((n, i) => notes2.findIndex((x) => JSON.stringify(x) === JSON.stringify(n)) === i);
    if (unique.length) a.toolExecutionNotifications = unique;
  }
}
function shardRow(source, m, merged) {
  return { shard: shardLabel(m.shard), source, runner: `${m.runner.os}/${m.runner.arch}`, durationMs: m.durationMs, verdict: m.verdict, binaries: m.binaries.length, merged };
}
function renderMergedJson(r2) {
  const doc = {
    verdict: r2.verdict.passed ? "pass" : "fail",
    reasons: r2.verdict.reasons,
    goVersion: r2.goVersion,
    mode: r2.mode,
    modeReason: r2.modeReason,
    toolVersion: r2.toolVersion,
    startedAt: r2.startedAt,
    durationMs: r2.durationMs,
    merged: { set: r2.set, commit: r2.commit, shards: r2.shards },
    stages: r2.stages.map(stageEntry),
    findings: r2.findings,
    artifacts: r2.artifacts.map((a) => ({ path: a.path, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 })),
    facts: r2.facts
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}

// src/fanout/summary.ts
var ICON2 = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F", errored: "\u{1F4A5}" };
var MAX_ROWS = 200;
function signing(r2) {
  const s = r2.stages.find((x) => x.name === "sign");
  if (!s) return [];
  const out = [`### ${ICON2[s.status]} sign: ${s.status} (${formatDuration(s.durationMs)})`, ""];
  if (s.reason) out.push(`> ${cell(s.reason)}`, "");
  out.push(table(["", ""], signingRows(s, r2.facts)), "", ...signatureTable(r2.facts));
  return out;
}
function renderMergeSummary(r2) {
  const v = r2.verdict;
  const out = [`## ${v.passed ? "\u2705" : "\u274C"} go-release-gate: ${v.passed ? "pass" : "fail"} (${r2.set.count} shard${r2.set.count === 1 ? "" : "s"} merged)`, ""];
  if (v.reasons.length) {
    out.push("**Why it failed**", "");
    for (const reason of v.reasons) out.push(`- ${cell(truncateText(reason, 2e3))}`);
    out.push("");
  }
  out.push(
    `Mode **${cell(r2.mode)}** (${cell(r2.modeReason)}), commit ${code(r2.commit || "unknown")}, Go **${cell(r2.goVersion || "not installed")}**, set ${code(r2.set.id.slice(0, 12))} of ${r2.set.jobs} build job(s), ${r2.artifacts.length} binar${r2.artifacts.length === 1 ? "y" : "ies"} merged.`,
    "",
    "### Shards",
    "",
    table(["Shard", "Runner", "Duration", "Verdict", "Binaries", "Bundle"], r2.shards.map((s) => [
      cell(s.shard),
      cell(s.runner),
      formatDuration(s.durationMs),
      s.verdict === "pass" ? "\u2705 pass" : "\u274C fail",
      String(s.binaries),
      code(s.source)
    ])),
    "",
    "### Stages across shards",
    "",
    table(["Stage", "Status", "Findings", "Longest"], r2.stages.map((s) => [
      cell(s.name),
      `${ICON2[s.status]} ${s.status}${s.reason ? `: ${cell(s.reason)}` : ""}`,
      String(s.findings.length),
      formatDuration(s.durationMs)
    ])),
    ""
  );
  out.push(...signing(r2));
  if (r2.artifacts.length) {
    out.push("### Binaries", "", table(["File", "Target", "Size", "SHA-256"], r2.artifacts.slice(0, MAX_ROWS).map((a) => [code(a.name), cell(`${a.goos}/${a.goarch}`), formatBytes(a.size), code(a.sha256)])), "");
    if (r2.artifacts.length > MAX_ROWS) out.push(`${r2.artifacts.length - MAX_ROWS} more in report.json.`, "");
  }
  if (r2.findings.length) {
    out.push("### Findings", "", table(["Severity", "Rule", "Where", "Message"], r2.findings.slice(0, MAX_ROWS).map((f) => [f.severity, code(f.ruleId), cell(where3(f)), cell(truncateText(f.message, 500))])), "");
    if (r2.findings.length > MAX_ROWS) out.push(`${r2.findings.length - MAX_ROWS} more in report.json.`, "");
  }
  const text = `${out.join("\n")}
`;
  return text.length <= SUMMARY_LIMIT ? text : `${text.slice(0, text.lastIndexOf("\n", SUMMARY_LIMIT - 200))}

\u2026 cut to stay under GitHub's 1 MiB summary limit (full record in report.json)
`;
}

// src/fanout/merge-run.ts
var MergeUsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "MergeUsageError";
  }
};
function real(p) {
  try {
    return import_node_fs33.default.realpathSync(p);
  } catch {
    return import_node_path37.default.resolve(p);
  }
}
async function runMerge(opts) {
  const started2 = /* @__PURE__ */ new Date();
  const t0 = nowMs();
  if (opts.sources.length === 0 && !opts.unavailable?.length) throw new MergeUsageError("no shard bundle given: pass the shard output directories");
  const outReal = real(opts.outDir);
  for (const s of opts.sources) {
    if (real(s.dir) === outReal) throw new MergeUsageError(`the merge output directory ${opts.outDir} is also the shard bundle ${s.name}: write the merge elsewhere`);
  }
  const out = openOutputDir(opts.outDir);
  const shown2 = displayPath(opts.workspace, out.dir) || ".";
  const own = [];
  const { removed, foreign } = out.clear();
  if (removed.length) opts.log.info(`removed ${removed.length} file(s) an earlier run left in ${shown2}`);
  if (foreign.length) own.push(finding(FOREIGN_OUTPUT2, "merge", { message: `output directory ${shown2} holds ${foreign.length} entr${foreign.length === 1 ? "y" : "ies"} the merge did not produce: ${foreign.slice(0, 20).join(", ")}`, subject: shown2 }));
  const bundles = [];
  for (const s of opts.sources) {
    try {
      bundles.push(loadBundle(s.dir, s.name));
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      own.push(finding(UNREADABLE_BUNDLE, "merge", { message: `${s.name}: ${e.message}`, subject: s.name }));
    }
  }
  for (const u of opts.unavailable ?? []) own.push(finding(UNREADABLE_BUNDLE, "merge", { message: `${u.name}: ${u.message}`, subject: u.name }));
  const byView = new Map(bundles.map((b) => [b.view, b]));
  const checked = checkShards(bundles.map((b) => b.view), (v, name) => digestNow(byView.get(v).dir, name), opts.whereMissing);
  own.push(...checked.findings);
  const artifacts2 = [];
  const signable = [];
  const sums = [];
  const members = checked.members.map((v) => byView.get(v));
  for (const b of members) {
    const lines = [];
    for (const bin of b.view.manifest.binaries) {
      const data = readRegular(b.dir, bin.name);
      const digest = data ? sha256Hex(data) : void 0;
      if (!data || digest !== bin.sha256) {
        own.push(finding(CHECKSUM_MISMATCH, "merge", { message: `shard ${b.view.manifest.shard.index}/${b.view.manifest.shard.count} (${b.view.source}): ${bin.name} changed while it was merged`, subject: `copy\0${bin.name}` }));
        continue;
      }
      if (artifacts2.some((a) => a.name === bin.name)) {
        lines.push({ name: bin.name, sha256: digest });
        continue;
      }
      const p = out.write(bin.name, data, 493);
      const shownPath = displayPath(opts.workspace, p);
      artifacts2.push({ path: shownPath, name: bin.name, goos: bin.goos, goarch: bin.goarch, size: data.length, sha256: digest });
      signable.push({ path: p, displayPath: shownPath, name: bin.name, goos: bin.goos, goarch: bin.goarch, size: data.length, sha256: digest, pkg: bin.pkg });
      lines.push({ name: bin.name, sha256: digest });
    }
    sums.push(lines);
  }
  const checksums = mergeChecksums(sums);
  for (const name of checksums.conflicts) {
    own.push(finding(CHECKSUM_MISMATCH, "merge", { message: `${name} was built by two shards with different digests: the shards did not build the same thing`, subject: `conflict\0${name}` }));
  }
  const byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  artifacts2.sort(byName);
  signable.sort(byName);
  const checksumsFile = artifacts2.length ? out.write("SHA256SUMS", checksums.text) : void 0;
  const reported = checked.reported.map((v) => byView.get(v));
  const ref = checked.reference;
  const first = reported[0] ?? bundles[0];
  const config = opts.sign?.config;
  const mode = config ? { mode: config.mode, reason: config.modeReason } : { mode: String(first?.report.mode ?? "check"), reason: String(first?.report.modeReason ?? "the shards' mode") };
  if (mode.mode === "release") {
    for (const b of members) {
      if (b.report.mode !== "release") own.push(finding(OTHER_SET, "merge", { message: `shard ${b.view.manifest.shard.index}/${b.view.manifest.shard.count} (${b.view.source}) ran in ${String(b.report.mode)} mode, and the merge releases: run the shards on the same event, or with the same mode input`, subject: `mode\0${b.view.manifest.shard.index}` }));
    }
  }
  const findings = mergeFindings(reported.map((b) => Array.isArray(b.report.findings) ? b.report.findings : []));
  const mergeStage = {
    name: "merge",
    status: statusFrom(own),
    findings: own,
    durationMs: Math.round(nowMs() - t0),
    metrics: { shards: bundles.length, expected: checked.reference?.count ?? 0, binaries: artifacts2.length }
  };
  const signed = await signMerged(opts, mergeStage, { artifacts: signable, checksumsFile, out, ref });
  const durationMs = Math.round(nowMs() - t0);
  const shardStages = reported.map((b) => (Array.isArray(b.report.stages) ? b.report.stages : []).filter((s) => s.name !== "sign"));
  const stages = [...mergeStages(shardStages, findings), mergeStage, signed.stage];
  const record = {
    verdict: mergedVerdict(stages),
    stages,
    findings: [...own, ...signed.stage.findings, ...findings],
    shards: bundles.map((b) => shardRow(b.view.source, b.view.manifest, checked.members.includes(b.view))).sort((a, b) => a.shard < b.shard ? -1 : 1),
    artifacts: artifacts2,
    set: { id: ref?.setId ?? "", count: ref?.count ?? 0, jobs: ref?.jobs.length ?? 0 },
    commit: ref?.commit ?? "",
    goVersion: ref?.goVersion ?? "",
    toolVersion: GATE_VERSION,
    mode: mode.mode,
    modeReason: mode.reason,
    startedAt: started2.toISOString(),
    durationMs,
    facts: signed.facts
  };
  const sarif = mergeSarif(reported.map((b) => b.sarif), {
    findings: [...own, ...signed.stage.findings],
    rules: [...MERGE_RULES, ...signStage.rules],
    defaultFile: first?.view.manifest.defaultFile || "go.mod",
    tool: { ...TOOL, version: GATE_VERSION }
  });
  const summary = renderMergeSummary(record);
  const files = {
    sarif: out.write("results.sarif", sarif),
    report: out.write("report.json", renderMergedJson(record)),
    summary: out.write("summary.md", summary),
    ...checksumsFile ? { checksums: checksumsFile } : {}
  };
  for (const f of [...own, ...signed.stage.findings]) (f.severity === "error" ? opts.log.error : opts.log.warning)(f.message);
  const o = opts.outputs;
  if (o) {
    o.set("verdict", record.verdict.passed ? "pass" : "fail");
    o.set("reasons", JSON.stringify(record.verdict.reasons));
    o.set("mode", record.mode);
    o.set("go-version", record.goVersion);
    o.set("artifacts", JSON.stringify(artifacts2.map((a) => ({ path: a.path, goos: a.goos, goarch: a.goarch, size: a.size, sha256: a.sha256 }))));
    o.set("checksums-file", files.checksums ?? "");
    o.set("sarif-file", files.sarif);
    o.set("report-file", files.report);
    o.set("summary-file", files.summary);
    o.set("cache-hit", "off");
    o.set("signatures", signed.facts["sign.signatures"] ?? "[]");
    o.set("public-key", signed.facts["sign.public-key"] ?? "");
    o.set("provenance", signed.facts["sign.provenance"] ?? "");
    await o.summary(summary);
  }
  return { record, files, out };
}
async function signMerged(opts, merge, set) {
  const skip = (reason) => ({ stage: { name: "sign", status: "skipped", reason, findings: [], durationMs: 0 }, facts: {} });
  if (!opts.sign) return skip("the merge was given no signing inputs");
  const { config, ports } = opts.sign;
  if (config.sign.enabled && merge.status !== "passed") return skip("the merge's checks failed, so the merged set is not signed");
  const facts = {};
  if (set.ref?.goVersion) facts["go-version"] = set.ref.goVersion;
  if (set.ref?.commit) facts["vcs.revision"] = set.ref.commit;
  const state = {
    goEnv: {},
    artifacts: set.artifacts,
    ...set.checksumsFile ? { checksumsFile: set.checksumsFile } : {},
    facts,
    out: set.out,
    ...set.ref?.build ? { built: set.ref.build } : {}
  };
  const run4 = await runPipeline([signStage], { config, ports: { ...ports, log: opts.log }, state });
  return { stage: run4.stages[0], facts: state.facts };
}

// src/cli/merge-command.ts
var MERGE_FLAGS = [
  "mode",
  "sign",
  "cosign-key",
  "sign-tlog-upload",
  "sign-keyless",
  "cosign-version",
  "cosign-download-base-url",
  "cosign-sha256",
  "sigstore-fulcio-url",
  "sigstore-rekor-url",
  "sigstore-tsa-url",
  "sigstore-trusted-root",
  "sigstore-oidc-issuer",
  "sigstore-certificate-identity",
  "rules"
];
async function runMergeCommand(inputs, dirs, io) {
  const extra = Object.keys(inputs).filter((k) => k !== "output-dir" && !MERGE_FLAGS.includes(k));
  if (extra.length) {
    io.stderr(`go-release-gate merge: --${extra[0]} is a flag of run; merge takes --out DIR, the signing flags (${MERGE_FLAGS.map((f) => `--${f}`).join(", ")}) and the shard directories
`);
    return EXIT_USAGE;
  }
  const env = process.env;
  const cwd = process.cwd();
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const outputs = fileOutputs();
  const log = consoleLogger(io.stderr, env.RUNNER_DEBUG === "1");
  const { "output-dir": outFlag, ...rest } = inputs;
  let config;
  try {
    config = parseConfig(rest, { workspace, env, writableRoots: [] });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr(`go-release-gate merge: ${e.message}
`);
    return EXIT_USAGE;
  }
  const tempDir = import_node_fs34.default.mkdtempSync(import_node_path38.default.join(import_node_os6.default.tmpdir(), "go-release-gate-"));
  try {
    const outDir = import_node_path38.default.resolve(cwd, outFlag || "gate-out");
    const outcome = await runMerge({
      outDir,
      sources: dirs.map((d) => ({ dir: import_node_path38.default.resolve(cwd, d), name: d })),
      workspace,
      log,
      outputs,
      sign: {
        config: { ...config, outDir },
        // Each cosign sign and verify is a progress line, as in run.
        ports: cliPorts({ exec: withProgress(nodeExec, workspace, (line) => log.info(line)), log, state: memoryState(), outputs, env, tempDir, workspace })
      }
    });
    outcome.out.write("outputs.json", `${JSON.stringify(outputs.values, null, 2)}
`);
    const v = outcome.record.verdict;
    io.stdout(`verdict: ${v.passed ? "pass" : "fail"}
`);
    for (const r2 of v.reasons) io.stdout(`  - ${r2}
`);
    io.stdout(`summary: ${outcome.files.summary}
report: ${outcome.files.report}
sarif: ${outcome.files.sarif}
`);
    return v.passed ? EXIT_PASS : EXIT_FAIL;
  } catch (e) {
    if (e instanceof MergeUsageError) {
      io.stderr(`go-release-gate merge: ${e.message}
`);
      return EXIT_USAGE;
    }
    io.stderr(`go-release-gate merge crashed: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    return EXIT_FAIL;
  } finally {
    import_node_fs34.default.rmSync(tempDir, { recursive: true, force: true });
  }
}

// src/cli/workspace.ts
var import_node_fs35 = __gateBuiltin("node:fs");
var import_node_path39 = __gateBuiltin("node:path");
var import_node_child_process4 = require("node:child_process");
function chooseWorkspace(i) {
  if (i.env.GITHUB_WORKSPACE) {
    return {
      workspace: i.env.GITHUB_WORKSPACE,
      source: "GITHUB_WORKSPACE",
      inputs: {},
      ...i.workspaceFlag !== void 0 ? { ignored: `--workspace is ignored inside GitHub Actions: the workspace is GITHUB_WORKSPACE (${i.env.GITHUB_WORKSPACE})` } : {}
    };
  }
  const dir = import_node_path39.default.resolve(i.cwd, i.dirFlag ?? ".");
  const pick = (workspace, source) => {
    const inputs = {};
    if (import_node_path39.default.resolve(workspace) !== import_node_path39.default.resolve(i.cwd)) {
      inputs["working-directory"] = dir;
      if (i.outFlag !== void 0) inputs["output-dir"] = import_node_path39.default.resolve(i.cwd, i.outFlag);
    }
    return { workspace, inputs, source };
  };
  if (i.workspaceFlag !== void 0) return pick(import_node_path39.default.resolve(i.cwd, i.workspaceFlag), "--workspace");
  const top = i.gitTopLevel(dir);
  return top ? pick(top, "git top-level of --dir") : pick(dir, "--dir");
}
function gitTopLevel(dir, env) {
  const found = discoverCheckout(dir, env, process.geteuid?.());
  return found ? found.top : askGit(dir, env);
}
var DISCOVERY_ENV = ["GIT_DIR", "GIT_WORK_TREE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT"];
function discoverCheckout(dir, env, uid) {
  if (process.platform === "win32" || uid === void 0) return void 0;
  if (DISCOVERY_ENV.some((k) => env[k] !== void 0)) return void 0;
  let at;
  let dev;
  try {
    at = import_node_fs35.default.realpathSync(dir);
    const st = import_node_fs35.default.statSync(at);
    if (!st.isDirectory()) return void 0;
    dev = st.dev;
  } catch {
    return void 0;
  }
  for (; ; ) {
    const dotGit = import_node_path39.default.join(at, ".git");
    const st = statOrUndefined(dotGit);
    if (st) {
      const gitDir = st.isDirectory() ? dotGit : st.isFile() ? linkedGitDir(dotGit, at) : void 0;
      if (!gitDir || !isPlainRepository(gitDir)) return void 0;
      return [at, gitDir].every((p) => statOrUndefined(p)?.uid === uid) ? { top: at } : void 0;
    }
    if (["HEAD", "objects", "refs"].every((n) => statOrUndefined(import_node_path39.default.join(at, n)))) return void 0;
    const up = import_node_path39.default.dirname(at);
    if (up === at) return {};
    const upStat = statOrUndefined(up);
    if (!upStat || upStat.dev !== dev) return void 0;
    at = up;
  }
}
function statOrUndefined(p) {
  try {
    return import_node_fs35.default.statSync(p);
  } catch {
    return void 0;
  }
}
function linkedGitDir(file, base3) {
  let text;
  try {
    text = import_node_fs35.default.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const m = /^gitdir: (.+?)\r?\n?$/.exec(text);
  return m ? import_node_path39.default.resolve(base3, m[1]) : void 0;
}
function isPlainRepository(gitDir) {
  let common = gitDir;
  try {
    common = import_node_path39.default.resolve(gitDir, import_node_fs35.default.readFileSync(import_node_path39.default.join(gitDir, "commondir"), "utf8").trim());
  } catch (e) {
    if (e.code !== "ENOENT") return false;
  }
  let head2;
  try {
    head2 = import_node_fs35.default.readFileSync(import_node_path39.default.join(gitDir, "HEAD"), "utf8");
  } catch {
    return false;
  }
  if (!/^(ref: refs\/\S+|[0-9a-f]{40}|[0-9a-f]{64})\r?\n?$/.test(head2)) return false;
  if (!statOrUndefined(import_node_path39.default.join(common, "objects"))?.isDirectory() || !statOrUndefined(import_node_path39.default.join(common, "refs"))?.isDirectory()) return false;
  for (const config of /* @__PURE__ */ new Set([import_node_path39.default.join(common, "config"), import_node_path39.default.join(gitDir, "config.worktree")])) {
    let text = "";
    try {
      text = import_node_fs35.default.readFileSync(config, "utf8");
    } catch (e) {
      if (e.code !== "ENOENT") return false;
    }
    if (/worktree|bare\s*=\s*true|include/i.test(text)) return false;
  }
  return true;
}
function askGit(dir, env) {
  const r2 = (0, import_node_child_process4.spawnSync)("git", ["-C", dir, "rev-parse", "--show-toplevel"], { env: childEnv("git", env), encoding: "utf8", timeout: 3e4, shell: false });
  const top = r2.status === 0 ? r2.stdout.trim() : "";
  return top && import_node_path39.default.isAbsolute(top) ? top : void 0;
}

// src/cli/verdict.ts
var ANSI = { red: "\x1B[31m", green: "\x1B[32m", yellow: "\x1B[33m", dim: "\x1B[2m", bold: "\x1B[1m", reset: "\x1B[0m" };
function paint(on) {
  return (colour, s) => on ? `${ANSI[colour]}${s}${ANSI.reset}` : s;
}
var STATUS_COLOUR = { passed: "green", failed: "red", errored: "red", skipped: "dim" };
function stagePart(s, c) {
  const time = s.status === "skipped" ? "" : ` ${formatSeconds(s.durationMs)}`;
  return `${s.name} ${c(STATUS_COLOUR[s.status] ?? "yellow", s.status)}${time}`;
}
function renderVerdict(result, files, opts) {
  const c = paint(opts.colour);
  const v = result.verdict;
  const lines = [`verdict: ${v.passed ? c("green", "pass") : c("red", "fail")}`];
  for (const r2 of v.reasons) lines.push(safeLogText(`  - ${r2}`));
  lines.push(`stages: ${result.stages.map((s) => stagePart(s, c)).join(", ")}`);
  lines.push(`summary: ${files.summary}`, `report: ${files.report}`, `sarif: ${files.sarif}`);
  if (files.checksums) lines.push(`checksums: ${files.checksums}`);
  return `${lines.join("\n")}
`;
}

// src/cli/main.ts
function quietly(log) {
  return { ...log, info: () => void 0, group: (_name, fn) => fn() };
}
async function main(argv, gateRan) {
  const out = (s) => process.stdout.write(s);
  const err = (s) => process.stderr.write(s);
  if (argv[0] === "--version" || argv[0] === "version") {
    out(`${GATE_VERSION}
`);
    return 0;
  }
  if (argv[0] === "inspect") return runInspectCommand(argv.slice(1), { stdout: out, stderr: err });
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    err(`go-release-gate: ${e.message}
`);
    return 2;
  }
  if (parsed.help && parsed.command === "run") {
    out(runUsage());
    return 0;
  }
  if (parsed.help || !parsed.command) {
    (parsed.help ? out : err)(usage());
    return parsed.help ? 0 : 2;
  }
  if (parsed.command === "merge") return runMergeCommand(parsed.inputs, parsed.rest, { stdout: out, stderr: err });
  if (parsed.command !== "run") {
    err(`go-release-gate: unknown command "${parsed.command}"
${usage()}`);
    return 2;
  }
  if (parsed.rest.length) {
    err(`go-release-gate: unexpected argument "${parsed.rest[0]}"
`);
    return 2;
  }
  if (parsed.inputs.mode === "merge") {
    err("go-release-gate: --mode merge is the Action's way to merge; on the command line use: go-release-gate merge --out DIR SHARD_DIR...\n");
    return 2;
  }
  const env = process.env;
  const tempDir = import_node_fs36.default.mkdtempSync(import_node_path40.default.join(import_node_os7.default.tmpdir(), "go-release-gate-"));
  const where4 = chooseWorkspace({
    env,
    cwd: process.cwd(),
    workspaceFlag: parsed.workspace,
    dirFlag: parsed.inputs["working-directory"],
    outFlag: parsed.inputs["output-dir"],
    gitTopLevel: (d) => gitTopLevel(d, env)
  });
  const workspace = where4.workspace;
  const inputs = { ...parsed.inputs, ...where4.inputs };
  const outputs = fileOutputs();
  const loud = consoleLogger(err, env.RUNNER_DEBUG === "1");
  const log = parsed.quiet ? quietly(loud) : loud;
  if (where4.ignored) log.warning(where4.ignored);
  log.info(`workspace: ${workspace} (${where4.source})`);
  const exec = parsed.quiet ? nodeExec : withProgress(nodeExec, workspace, (line) => loud.info(line));
  const cacheDir = parsed.inputs["cache-dir"];
  const cache = cacheDir ? localCacheStore(import_node_path40.default.resolve(cacheDir)) : void 0;
  const state = memoryState();
  try {
    const gate = inputs.shard ? runShard : runGate;
    const outcome = await gate(inputs, cliPorts({ exec, log, state, outputs, cache, env, tempDir, workspace }), { outputRoots: [] });
    gateRan();
    outcome.out.write("outputs.json", `${JSON.stringify(outputs.values, null, 2)}
`);
    const plan = parsePlan(state.get(PLAN_STATE_KEY));
    if (plan) {
      const rows = await saveCaches(plan, cache, log, { removeDirs: true });
      try {
        outcome.out.append("summary.md", renderSaveSummary(rows));
      } catch (e) {
        log.warning(`could not add the cache save table to the summary: ${e.message}`);
      }
    }
    out(renderVerdict(outcome.result, outcome.files, { colour: process.stdout.isTTY === true && !env.NO_COLOR }));
    const usage2 = usageErrors(outcome.result);
    if (usage2.length) err(`go-release-gate: usage error (exit ${EXIT_USAGE}): ${usage2.map((f) => f.message).join("; ")}
`);
    return exitCodeOf(outcome.result);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`go-release-gate: ${e.message}
`);
      return 2;
    }
    err(`go-release-gate crashed: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    return 1;
  } finally {
    try {
      import_node_fs36.default.rmSync(tempDir, { recursive: true, force: true });
    } catch (e) {
      log.warning(`could not remove ${tempDir}: ${e.message}`);
    }
  }
}
async function runCli(argv) {
  let gateRan = false;
  const code2 = await main(argv, () => void (gateRan = true));
  return { code: code2, gateRan };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runCli
});
