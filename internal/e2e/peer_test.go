//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// peerDir is where "npm ci" installs Twilio's calculator.
const peerDir = "testdata/peer"

// The package ships CommonJS only (dist/*.js, no browser bundle in the npm
// tarball), so the test bundles it: every module of the package and of its
// one dependency becomes a function in a tiny require() shim, and the
// bundle sets globalThis.TwilioSegmentedMessage.

var requireRE = regexp.MustCompile(`require\("([^"]+)"\)`)

// bundlePeer returns a plain script exposing SegmentedMessage from
// sms-segments-calculator and the version it bundled.
func bundlePeer(dir string) (script, version string, err error) {
	nm := filepath.Join(dir, "node_modules")
	files := map[string]string{} // key: path under node_modules, slash-separated
	var order []string
	var load func(key string) error
	load = func(key string) error {
		if _, ok := files[key]; ok {
			return nil
		}
		b, err := os.ReadFile(filepath.Join(nm, filepath.FromSlash(key)))
		if err != nil {
			return err
		}
		files[key] = string(b)
		order = append(order, key)
		for _, m := range requireRE.FindAllStringSubmatch(string(b), -1) {
			dep, err := resolve(nm, key, m[1])
			if err != nil {
				return err
			}
			if err := load(dep); err != nil {
				return err
			}
		}
		return nil
	}
	entry, err := resolve(nm, "", "sms-segments-calculator")
	if err != nil {
		return "", "", err
	}
	if err := load(entry); err != nil {
		return "", "", err
	}
	var pj struct{ Version string }
	b, err := os.ReadFile(filepath.Join(nm, "sms-segments-calculator", "package.json"))
	if err != nil {
		return "", "", err
	}
	if err := json.Unmarshal(b, &pj); err != nil {
		return "", "", err
	}
	sort.Strings(order)
	var sb strings.Builder
	sb.WriteString("(function(){\"use strict\";var defs={},deps={},cache={};\n")
	sb.WriteString("function load(k){if(cache[k])return cache[k].exports;var m={exports:{}};cache[k]=m;defs[k].call(m.exports,m,m.exports,function(r){return load(deps[k][r]);});return m.exports;}\n")
	for _, key := range order {
		src := files[key]
		src = strings.ReplaceAll(src, "//# sourceMappingURL=", "//# sourceMappingURL-removed=")
		m := map[string]string{}
		for _, r := range requireRE.FindAllStringSubmatch(src, -1) {
			dep, _ := resolve(nm, key, r[1])
			m[r[1]] = dep
		}
		kj, _ := json.Marshal(key)
		mj, _ := json.Marshal(m)
		fmt.Fprintf(&sb, "deps[%s]=%s;\ndefs[%s]=function(module,exports,require){\n%s\n};\n", kj, mj, kj, src)
	}
	ej, _ := json.Marshal(entry)
	fmt.Fprintf(&sb, "globalThis.TwilioSegmentedMessage=load(%s).SegmentedMessage;})();\n", ej)
	return sb.String(), pj.Version, nil
}

// resolve finds the file a require(name) in module from loads.
func resolve(nm, from, name string) (string, error) {
	var base string
	if strings.HasPrefix(name, ".") {
		base = path.Join(path.Dir(from), name)
	} else {
		base = name
		pkg := name
		if i := strings.IndexByte(name, '/'); i < 0 {
			b, err := os.ReadFile(filepath.Join(nm, pkg, "package.json"))
			if err == nil {
				var pj struct{ Main string }
				if json.Unmarshal(b, &pj) == nil && pj.Main != "" {
					base = path.Join(pkg, pj.Main)
				}
			}
		}
	}
	for _, c := range []string{base, base + ".js", path.Join(base, "index.js")} {
		if st, err := os.Stat(filepath.Join(nm, filepath.FromSlash(c))); err == nil && !st.IsDir() {
			return c, nil
		}
	}
	return "", fmt.Errorf("peer bundle: cannot resolve require(%q) from %q", name, from)
}
