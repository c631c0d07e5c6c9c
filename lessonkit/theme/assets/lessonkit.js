/* lessonkit: quizzes, self-check, notes and progress, kept in this browser only.
   Progressive enhancement of the generated HTML: without this script every answer can still
   be revealed. Nothing is sent anywhere; everything lives under one localStorage key a course. */
(() => {
  "use strict";

  /* ---- what the reader is told: every text this script shows or announces ----
     {name} is filled in; numbers are written in the page's language. An entry is a string, or
     plural forms chosen by Intl.PluralRules for the page's <html lang>:
       { "by": "wrong", "one": "...", "other": "..." }
     "by" names the number that picks the form (without it, the first number the text uses);
     "other" is required, and a form the language has but the entry lacks falls back to it.
     A page may translate the table: the JSON object in
       <script type="application/json" id="lk-strings">{"right": "Richtig."}</script>
     replaces entries key by key. theme/main.html writes it from the course's language's table
     (lessonkit/i18n/<language>.yml, group "script"), whose English is exactly this one. Unknown keys and entries of the wrong shape are ignored; a block
     that is not a JSON object leaves the whole table as it is. */
  const STRINGS = {
    gap: " ", // between sentences, and after a label such as "Right:"; "" where words run on
    // knowledge checks
    chooseFirst: "Choose an answer first.",
    chooseFirstSaid: "Question {n}: choose an answer first.",
    typeFirst: "Type an answer first.",
    typeFirstSaid: "Question {n}: type an answer first.",
    right: "Right.",
    notQuite: "Not quite.",
    optionRight: "Right:",
    optionWrong: "Not right:",
    chose: "You chose {hits} of the {right} right answers.",
    choseWrong: {
      by: "wrong",
      one: "You chose {hits} of the {right} right answers and {wrong} that is not right.",
      other: "You chose {hits} of the {right} right answers and {wrong} that are not right.",
    },
    questionSaid: "Question {n}: {verdict}",
    questionCleared: "Question {n} cleared.",
    quizCleared: "All answers cleared.",
    scoreNone: "Check each question to see your score.",
    score: "Score: {right} of {total} right.",
    stillToCheck: "{left} still to check.",
    bestSoFar: "Your best so far: {best} of {total}.",
    // practice: questions answered before, back when they are due
    questionNumber: "Question {n}.",
    dueCount: {
      one: "{count} question is ready for practice.",
      other: "{count} questions are ready for practice.",
    },
    practiceNone: "Nothing to practise yet. When you answer the knowledge check at the end of a lesson, its questions come back here over the following days.",
    practiceLater: "Nothing is due today. The next question comes back on {date}.",
    practiceLearned: "Every question you have practised is learned: you answered each one right over several days, so none of them will come back. Answer more knowledge checks to add their questions here.",
    practiceLeft: {
      one: "{left} question left for today.",
      other: "{left} questions left for today.",
    },
    practiceFinished: "That is all for today. The next questions come back when they are due.",
    sureWrong: "Last time you felt sure of this one, and it was not right. Take it slowly.",
    backTomorrow: "This question comes back tomorrow.",
    backGuess: "You were guessing, so this question comes back tomorrow, to be sure.",
    backIn: "This question comes back in {days} days, on {date}.",
    backNever: "You have answered this one right over several days: it will not come back.",
    // exercises
    showHint: "Show a hint",
    showNextHint: "Show the next hint",
    hintOf: "Hint {n} of {total}",
    // lesson lists
    visited: "Visited",
    bestScore: "Best quiz score: {best} of {total}",
    // storage
    storageBad: "Progress saved in this browser could not be read (it may come from another version of this site), so it is ignored. What you do from now on is saved as usual.",
    storageOff: "This browser is not keeping data for this site (private browsing, or a page opened from a file), so progress lasts only while this tab is open.",
    // reflection notes
    noteSaved: "Saved on this device",
    noteNotSaved: "Not saved: this browser is not keeping data for this site",
    // self-check
    seeResults: "See my results",
    blankHint: "You can leave any statement blank and stop at any time.",
    saveResult: "Save this result on this device",
    resultSaved: "Saved on this device, dated {date}.",
    resultNotSaved: "Not saved: this browser is not keeping data for this site.",
    suggest: "Here is what your answers suggest. This is a reflection aid, not a diagnosis.",
    unanswered: "Not every statement was answered in: {groups}.",
    listSeparator: ", ",
    answerOne: "Answer at least one statement to see a result. You can leave any of them blank.",
    notScored: "Not scored: the statements in this group were left blank.",
    band: "{band}.",
    noBand: "No band",
    average: "{text} (Average {mean}.)",
    averagePart: "{text} (Average {mean}, from {answered} of {of} statements; the others were left blank.)",
    // progress page
    historyNone: "{title}: not answered",
    history: "{title}: {band} (average {mean})",
    historyPart: "{title}: {band} (average {mean}, {answered} of {of} statements)",
    historyNoBand: "no band",
    compare: "Take the self-check again at any time to compare: {link}",
    noteCaption: "Note",
    download: "Download my data",
    downloaded: "Your data was downloaded as a file.",
    fileName: "{course}-progress-{date}.json",
    otherCourse: "This file belongs to another course, so nothing was loaded.",
    notProgress: "This file is not a progress file from this course, so nothing was loaded.",
    tooBig: "This file is too large to be a progress file from this site, so nothing was loaded.",
    badPartWhole: "Nothing was loaded: the part “{part}” of this file is not in the form this site saves it. What is kept here has not changed.",
    badPart: "Nothing was loaded: the part “{part}” of this file holds something this site would not save, at “{item}”. What is kept here has not changed.",
    fileHolds: "This file, saved on {date}, holds {what}.",
    fileHoldsUndated: "This file holds {what}.",
    hereHolds: "This browser holds {what}.",
    sumVisits: {
      one: "{count} lesson visited",
      other: "{count} lessons visited",
    },
    sumAnswers: {
      one: "{count} answer",
      other: "{count} answers",
    },
    sumScores: {
      one: "{count} quiz score",
      other: "{count} quiz scores",
    },
    sumChecks: {
      one: "{count} self-check result",
      other: "{count} self-check results",
    },
    sumNotes: {
      one: "{count} note",
      other: "{count} notes",
    },
    sumReview: {
      one: "{count} question in practice",
      other: "{count} questions in practice",
    },
    sumNothing: "nothing yet",
    importAsk: "Replace what is here with the file, or merge the two, keeping the newer version of each item?",
    importReplace: "Replace with the file",
    importMerge: "Merge, keeping the newer",
    importCancel: "Cancel",
    cancelled: "Nothing was loaded.",
    replaced: "Your file was loaded: it replaced what was kept here.",
    merged: "Your file was merged with what was kept here, keeping the newer version of each item.",
    undone: "Undone: what is kept here is as it was before you loaded the file.",
    eraseAsk: "Erase your visits, quiz scores, practice, self-check results and notes from this browser? This cannot be undone. You may want to download a copy first.",
    eraseYes: "Yes, erase everything",
    eraseNo: "Keep my data",
    erased: "Everything was erased from this browser.",
    // a save that failed, said where the reader is looking
    notSavedFull: "Not saved: this browser's storage for this site is full.",
    notSavedBlocked: "Not saved: this browser is not keeping data for this site.",
    failedFull: "This browser's storage for this site is full, so what you just did was not saved. Other sites at the same address share that space. Download a copy of your data now to keep it.",
    failedBlocked: "This browser is not keeping data for this site, so what you just did was not saved. Download a copy of your data now to keep it.",
  };

  const $ = (sel, el = document) => el.querySelector(sel);
  const $$ = (sel, el = document) => [...el.querySelectorAll(sel)];
  const h = (tag, props = {}, ...kids) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) k in el ? (el[k] = v) : el.setAttribute(k, v);
    el.append(...kids);
    return el;
  };
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);
  const isStr = (x) => typeof x === "string";
  const isNum = (x) => typeof x === "number" && isFinite(x);
  const now = () => new Date().toISOString();
  const text = (el) => { // an element's text without Material's "¶" permalink
    const c = el.cloneNode(true);
    $$(".headerlink", c).forEach((a) => a.remove());
    return c.textContent.trim();
  };

  /* ---- this page's language and string table, read again on every page ---- */
  const L = { lang: undefined, strings: STRINGS, plural: null };
  function language() {
    try { // a tag the browser cannot use (lang="en_GB") means its default, not a crash
      L.lang = Intl.getCanonicalLocales(document.documentElement.lang || [])[0];
    } catch {
      L.lang = undefined;
    }
    L.plural = new Intl.PluralRules(L.lang);
    L.strings = STRINGS;
    const el = document.getElementById("lk-strings");
    if (!el) return;
    let given;
    try {
      given = JSON.parse(el.textContent);
    } catch {}
    if (!isObj(given)) return console.warn("lessonkit: #lk-strings is not a JSON object; the built-in texts are used.");
    const entry = (v) => isStr(v) || (isObj(v) && isStr(v.other) && Object.values(v).every(isStr));
    L.strings = { ...STRINGS };
    for (const [k, v] of Object.entries(given)) if (has(STRINGS, k) && entry(v)) L.strings[k] = v;
  }
  const num = (x) => x.toLocaleString(L.lang, { maximumFractionDigits: 2 });
  const day = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleDateString(L.lang, { dateStyle: "medium" });
  };
  const NAME = /\{(\w+)\}/g;
  // An entry's text split at its {names}: text and values by turns, nodes kept as they are.
  function parts(key, vars = {}) {
    let s = L.strings[key];
    if (isObj(s)) {
      const by = isStr(s.by) ? s.by : [...s.other.matchAll(NAME)].map((m) => m[1]).find((n) => isNum(vars[n]));
      const form = isNum(vars[by]) ? L.plural.select(vars[by]) : "other";
      s = isStr(s[form]) ? s[form] : s.other;
    }
    return s.split(NAME).map((p, i) => { // the names land at the odd places
      if (i % 2 === 0) return p;
      if (!has(vars, p)) return `{${p}}`;
      return isNum(vars[p]) ? num(vars[p]) : vars[p];
    });
  }
  const t = (key, vars) => parts(key, vars).join(""); // a text
  const tn = (key, vars) => parts(key, vars).filter((p) => p !== ""); // text and nodes, for h()
  const join = (sentences) => sentences.filter(Boolean).join(t("gap"));
  const button = (label, cls = "") => h("button", { type: "button", className: `md-button ${cls}` }, label);

  /* Each widget starts on its own. If its setup throws, the error is logged and the widget's
     elements are put back as the page had them (copies taken before), so its answers can still be
     revealed as without JavaScript, and the rest of the page goes on. Form controls copy with
     their state, so nothing the reader already chose is lost. */
  function widget(what, els, setup) {
    const before = els.map((el) => el.cloneNode(true));
    try {
      return setup();
    } catch (err) {
      console.error(`lessonkit: ${what} could not start and was left as it is without JavaScript.`, err);
      els.forEach((el, i) => el.isConnected && el.replaceWith(withoutScript(before[i])));
      return undefined;
    }
  }
  // An element as without JavaScript: what only the script drives (data-lk-script) taken out.
  function withoutScript(el) {
    $$("[data-lk-script]", el).forEach((e) => e.remove());
    return el;
  }
  const named = (what, el) => (el.id ? `${what} #${el.id}` : what);

  /* ---- storage: one versioned key a course; stored or imported data is never trusted ---- */
  const KEY = (course) => `lessonkit:${course}:v1`;
  // Maps keyed by lesson, quiz and question ids have no prototype: an id such as
  // "constructor" must find nothing until it is saved, not Object's own members.
  const dict = (entries = []) => Object.assign(Object.create(null), Object.fromEntries(entries));
  const keep = (o, ok) => dict(Object.entries(isObj(o) ? o : {}).filter(([, v]) => ok(v)));
  /* ---- spaced practice: when each answered question comes back ----
     An entry a question ("quiz-id/question-id"): { hash, step, due, last, sure? }. A wrong
     answer brings the question back the next day (step 0). Each right answer once it is due
     moves it further out, STEPS[step] days, and after the last step it is learned (step
     STEPS.length + 1) and comes back no more. A right answer before it is due changes
     nothing, so answering again straight away does not count as spacing. A right answer
     given as a guess brings it back the next day without a step. `sure` marks an answer
     that was sure and wrong: such questions come first. Days are the reader's calendar
     days ("2026-12-01"). */
  const STEPS = [1, 3, 7, 21];
  const DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  const pad = (x) => String(x).padStart(2, "0");
  function today(plus = 0) {
    const d = new Date();
    d.setHours(12, 0, 0, 0); // midday: adding days never trips over a clock change
    d.setDate(d.getDate() + plus);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  const daysFrom = (a, b) => Math.round((new Date(`${b}T12:00`) - new Date(`${a}T12:00`)) / 864e5);
  const learned = (e) => e.step > STEPS.length;
  const isDue = (e) => !learned(e) && e.due <= today();
  function reschedule(e, hash, ok, sure) {
    const cur = e && e.hash === hash ? e : null;
    const last = now();
    if (!ok) return { hash, step: 0, due: today(1), last, ...(sure === "sure" ? { sure: true } : {}) };
    if (cur && (learned(cur) || !isDue(cur))) return cur;
    if (sure === "guess") return { hash, step: cur ? cur.step : 0, due: today(1), last };
    const step = (cur ? cur.step : 0) + 1;
    return { hash, step, due: step > STEPS.length ? "" : today(STEPS[step - 1]), last };
  }
  const PARTS = ["visits", "answers", "quizzes", "checks", "notes", "review"];
  const blank = (course) => ({
    app: "lessonkit", v: 1, course, visits: dict(), answers: dict(), quizzes: dict(), checks: [], notes: dict(), review: dict(),
  });
  const result = (r) => isObj(r) && isStr(r.id) && isStr(r.title) && isStr(r.band) && (r.mean === null || isNum(r.mean));
  const isInt = (x, lo, hi) => Number.isInteger(x) && x >= lo && x <= hi;
  const isDate = (x) => isStr(x) && !isNaN(Date.parse(x));
  const maybe = (x, ok) => x === undefined || ok(x);
  // What each part of the kept data holds, item by item. What is stored here is read
  // leniently (an item that does not fit is dropped); an imported file must fit whole.
  const ITEMS = {
    visits: isDate,
    answers: (a) => isObj(a) && isStr(a.hash) && Array.isArray(a.chosen) && a.chosen.length > 0 && a.chosen.every(isStr) && maybe(a.date, isDate),
    quizzes: (q) => isObj(q) && isInt(q.total, 1, 1e4) && isInt(q.best, 0, q.total) && maybe(q.date, isDate),
    checks: (c) => isObj(c) && isDate(c.date) && Array.isArray(c.results) && c.results.every(result),
    notes: (n) => isObj(n) && isStr(n.text) && isStr(n.prompt) && isStr(n.lesson) && maybe(n.date, isDate),
    review: (r) => isObj(r) && isStr(r.hash) && isInt(r.step, 0, STEPS.length + 1) && maybe(r.sure, (x) => x === true) &&
      (r.step > STEPS.length || (isStr(r.due) && DAY.test(r.due) && isDate(r.due))) && maybe(r.last, isDate),
  };
  function clean(d, course) {
    if (!isObj(d) || d.app !== "lessonkit" || d.v !== 1 || d.course !== course) return null;
    const data = blank(course);
    for (const part of PARTS) {
      data[part] = part === "checks" ? (Array.isArray(d.checks) ? d.checks.filter(ITEMS.checks) : []) : keep(d[part], ITEMS[part]);
    }
    return data;
  }

  /* An imported file is checked whole before anything changes: { data } when it fits, else
     { why: [string key, values] } saying which part does not. Beyond their shapes, values must
     make sense: a best score within its quiz, a self-check mean within the scale
     (data-lk-points), and an answer to a question of this course one that question could have
     (data-lk-due: per question, its fingerprint "h" and either "text" or how many of how many
     "options" it may pick; lessonkit/questions/). An answer to an edited or removed question
     is only checked for its shape: it is dropped when its question is next seen. */
  function verify(d, course, questions, points) {
    if (!isObj(d) || d.app !== "lessonkit" || d.v !== 1) return { why: ["notProgress"] };
    if (d.course !== course) return { why: ["otherCourse"] };
    const fits = {
      ...ITEMS,
      answers: (a, k) => ITEMS.answers(a) && answerFits(a, has(questions, k) ? questions[k] : null),
      checks: (c) => ITEMS.checks(c) && c.results.every((r) => (r.mean === null || !points || (r.mean >= 1 && r.mean <= points)) &&
        maybe(r.of, (of) => isInt(of, 0, 1e4) && isInt(r.answered, 0, of))),
    };
    for (const part of PARTS) {
      if (!has(d, part)) continue; // a file from before the part existed
      const items = d[part];
      if (part === "checks" ? !Array.isArray(items) : !isObj(items)) return { why: ["badPartWhole", { part }] };
      for (const [k, v] of Object.entries(items)) {
        if (!fits[part](v, k)) return { why: ["badPart", { part, item: part === "checks" ? String(+k + 1) : k }] };
      }
    }
    return { data: clean(d, course) };
  }
  function answerFits(a, q) {
    if (!isObj(q) || q.h !== a.hash) return true;
    if (q.text) return a.chosen.length === 1 && a.chosen[0].length <= 1e4;
    return new Set(a.chosen).size === a.chosen.length && a.chosen.length <= q.most &&
      a.chosen.every((c) => /^[1-9][0-9]*$/.test(c) && +c <= q.options);
  }
  // Both sides' items, the newer of each where both have one (the side here on a tie);
  // self-check results are dated events, so both sides' are kept, each once.
  function merge(here, file) {
    const when = { visits: (v) => v, answers: (a) => a.date, quizzes: (q) => q.date, notes: (n) => n.date, review: (r) => r.last };
    const out = blank(here.course);
    for (const [part, at] of Object.entries(when)) {
      for (const k of new Set([...Object.keys(here[part]), ...Object.keys(file[part])])) {
        const [a, b] = [here[part][k], file[part][k]];
        out[part][k] = !a ? b : !b ? a : (at(b) || "") > (at(a) || "") ? b : a;
      }
    }
    const each = new Map([...here.checks, ...file.checks].map((c) => [JSON.stringify(c), c]));
    out.checks = [...each.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return out;
  }
  // "3 lessons visited, 5 answers, ...": what kept data holds, for the reader to compare.
  function holds(d) {
    const counts = [
      ["sumVisits", Object.keys(d.visits).length], ["sumAnswers", Object.keys(d.answers).length],
      ["sumScores", Object.keys(d.quizzes).length], ["sumChecks", d.checks.length],
      ["sumNotes", Object.keys(d.notes).length], ["sumReview", Object.keys(d.review).length],
    ].filter(([, count]) => count);
    return counts.length ? counts.map(([key, count]) => t(key, { count })).join(t("listSeparator")) : t("sumNothing");
  }

  const memory = Object.create(null); // stands in for localStorage when the browser keeps nothing (private mode, file://)
  function load(course) {
    let raw;
    try {
      raw = localStorage.getItem(KEY(course));
    } catch {
      return { data: memory[course] || blank(course), off: true };
    }
    if (raw === null) return { data: blank(course) };
    try {
      const data = clean(JSON.parse(raw), course);
      if (data) return { data };
    } catch {}
    return { data: blank(course), bad: true };
  }
  // "" when saved, else why not: "full" (the storage quota is used up) or "blocked".
  function store(course, data) {
    memory[course] = data;
    try {
      localStorage.setItem(KEY(course), JSON.stringify(data));
      return "";
    } catch (error) {
      const full = error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);
      return full ? "full" : "blocked";
    }
  }
  // Everything kept for this course, as the file the progress page downloads.
  function downloadData(course, data) {
    const blob = new Blob([JSON.stringify({ ...data, exported: now() }, null, 2)], { type: "application/json" });
    const name = t("fileName", { course, date: now().slice(0, 10) });
    const a = h("a", { href: URL.createObjectURL(blob), download: name });
    a.click(); // never attached, so instant navigation does not see it
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  /* ---- one page ---- */
  function init() {
    const care = $("[data-lk-course]");
    const root = care && (care.closest("article") || document.body);
    if (!root || root.dataset.lkReady) return; // instant navigation may call twice
    root.dataset.lkReady = "1";
    language();
    const course = care.dataset.lkCourse;
    const first = load(course);
    const live = h("div", { className: "lk-sr", "aria-live": "polite" });
    root.append(live);
    const P = {
      course, root, data: first.data, off: !!first.off,
      // Re-read before each change, so another open tab's progress is not overwritten.
      // True when saved; when not, the page says why and offers the data as a file.
      // Once a save has failed, what this page holds is newer than what is stored: it is
      // kept, not read over, so the download has all of it.
      change(fn) {
        const cur = P.why ? null : load(course);
        if (cur && !cur.bad) P.data = cur.data;
        fn(P.data);
        P.why = store(course, P.data);
        if (P.why) P.failed(P.why);
        return !P.why;
      },
      why: "",
      // Said once a page, at the top, with the download; widgets say it beside themselves.
      failed(why) {
        if (P.failedShown) return;
        P.failedShown = true;
        const save = button(t("download"), "md-button--primary");
        save.addEventListener("click", () => downloadData(course, P.data));
        const box = h("div", { className: "lk-notice lk-failed", role: "alert" },
          h("p", {}, t(why === "full" ? "failedFull" : "failedBlocked")), h("div", { className: "lk-actions" }, save));
        const h1 = $("h1", root);
        h1 ? h1.after(box) : root.prepend(box);
      },
      notSaved() {
        return t(P.why === "full" ? "notSavedFull" : "notSavedBlocked");
      },
      say(msg) {
        live.textContent = "";
        setTimeout(() => (live.textContent = msg), 60);
      },
      notice(msg) {
        const box = h("div", { className: "lk-notice", role: "status" }, h("p", {}, msg));
        const h1 = $("h1", root);
        h1 ? h1.after(box) : root.prepend(box);
      },
    };
    if (first.bad) P.notice(t("storageBad"));
    $$("[data-lk-with-js]", root).forEach((el) => (el.hidden = false)); // claims that hold with the script
    const visit = $("[data-lk-visit][data-lk-lesson]", root);
    if (visit && !P.data.visits[visit.dataset.lkLesson]) {
      widget("the visit", [], () => P.change((d) => (d.visits[visit.dataset.lkLesson] = now())));
    }
    $$("form[data-lk-quiz]", root).forEach((f) => widget(named("a quiz", f), [f], () => quiz(f, P)));
    $$("[data-lk-practice]", root).forEach((x) => widget("the practice", [x], () => practice(x, P)));
    $$("[data-lk-due]", root).forEach((x) => widget("the practice prompt", [x], () => duePrompt(x, P)));
    $$("form[data-lk-selfcheck]", root).forEach((f) => {
      const results = $("[data-lk-results]", root);
      widget(named("a self-check", f), results ? [f, results] : [f], () => selfCheck(f, results, P));
    });
    $$("[data-lk-note]", root).forEach((n) => widget(named("a note", n), [n], () => note(n, P)));
    $$("[data-lk-exercise]", root).forEach((x) => widget(`the exercise ${x.dataset.lkExercise}`, [x], () => exercise(x)));
    const prog = $("[data-lk-progress]", root);
    const lists = $$("[data-lk-lessons]", root);
    if (prog) widget("the progress page", [prog, ...lists.filter((l) => !prog.contains(l))], () => progress(prog, P));
    else if (lists.length) widget("the lesson list", lists, () => markLessons(P));
  }

  /* ---- lesson lists: visited lessons and best scores, in words ---- */
  function markLessons(P) {
    $$(".lk-tag", P.root).forEach((tag) => tag.remove());
    for (const li of $$("[data-lk-lessons] li", P.root)) {
      const tags = [];
      if (P.data.visits[li.dataset.lkLesson]) tags.push(h("span", { className: "lk-tag lk-visited" }, t("visited")));
      const best = P.data.quizzes[li.dataset.lkQuiz];
      if (best) tags.push(h("span", { className: "lk-tag lk-best" }, t("bestScore", { best: best.best, total: best.total })));
      const a = $("a", li);
      if (tags.length && a) a.after(...tags.flatMap((tag) => [" ", tag]));
    }
  }

  /* ---- knowledge checks ---- */
  function quiz(form, P) {
    const id = form.dataset.lkQuiz;
    const fieldsets = $$("[data-lk-question]", form);
    // A question the script cannot run (a type it does not know, a setup that failed) still
    // counts in the total, so the score and the saved best stay "of" the whole quiz and a best
    // score saved from the whole quiz is not replaced by one from part of it.
    const total = fieldsets.length;
    const summary = $(":scope > .lk-summary", form);
    const score = summary && $(".lk-score", summary);
    const again = summary && $(".lk-again", summary);
    if (!score || !again) throw new Error("a quiz needs its .lk-summary, with .lk-score and .lk-again");
    form.addEventListener("submit", (e) => e.preventDefault());
    const qs = [];
    const update = (said) => {
      const done = qs.filter((q) => q.state() !== null);
      const right = done.filter((q) => q.state()).length;
      const left = qs.length - done.length;
      const msg = [done.length ? t("score", { right, total }) : t("scoreNone")];
      if (done.length && left) msg.push(t("stillToCheck", { left }));
      const best = P.data.quizzes[id];
      if (right && (!best || right > best.best || best.total !== total)) {
        P.change((d) => (d.quizzes[id] = { best: right, total, date: now() }));
      } else if (best && best.best > right) msg.push(t("bestSoFar", { best: best.best, total: best.total }));
      score.textContent = join(msg);
      again.hidden = !done.length;
      if (said) P.say(join([said, score.textContent]));
    };
    fieldsets.forEach((fs, i) => {
      const type = fs.dataset.lkType;
      if (!has(TYPES, type)) return void withoutScript(fs); // as without JavaScript: the answer is in <details>
      const q = widget(named("a question", fs), [fs], () => question(fs, TYPES[type](fs), i + 1, id, P, update, {
        confidence: form.hasAttribute("data-lk-confidence"),
      }));
      if (q) qs.push(q);
    });
    again.addEventListener("click", () => {
      qs.forEach((q) => q.reset());
      update(t("quizCleared"));
      qs[0]?.focus();
    });
    update();
  }

  /* Question types, keyed by the fieldset's data-lk-type; a fieldset of a type not listed here
     is left as it is without JavaScript. An entry is a function of the fieldset that reads its
     markup once (throwing on markup it cannot use: the question is then left alone, see widget)
     and returns what differs between types. question() does all the rest: Check and Try again,
     the verdict and the live region, saving { hash, chosen } under the question's key, the
     score, retry, and marking stale feedback when the answer changes ("input" or "change").
       empty            optional: the string key shown when nothing is given (default
                        "chooseFirst"); the same key + "Said" is announced
       read()           the learner's answer as an array of strings (saved as it is), or null
                        when nothing is given
       restore(chosen)  put a saved answer back in the controls, ignoring values it does not know
       clear()          empty the controls
       judge(chosen)    { ok, detail, marks }: right or not; optionally a sentence to follow the
                        verdict; and [{ at, ok, why }]: elements to mark right or wrong, each given
                        a copy of the element `why` (or none when null) as its feedback
     A new type adds one entry, plus its markup and strings (shortAnswer below is one). */
  const TYPES = {
    single: choice,
    multiple: choice,
    "true-false": choice,
    "short-answer": shortAnswer,
  };

  // Radio buttons or checkboxes, one .lk-option each, with feedback for each in .lk-feedback.
  function choice(fs) {
    const box = $(".lk-options", fs);
    if (!box) throw new Error("a choice question needs its .lk-options");
    const opts = $$(".lk-option", box);
    if (fs.hasAttribute("data-lk-shuffle")) {
      for (let i = opts.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [opts[i], opts[j]] = [opts[j], opts[i]];
      }
      box.append(...opts);
    }
    const inputs = opts.map((o) => $("input", o));
    if (!inputs.length || !inputs.every(Boolean)) throw new Error("each .lk-option needs its input");
    const keyed = Object.fromEntries($$(".lk-feedback li", fs).map((li) => [li.dataset.lkOption, li]));
    const right = Object.keys(keyed).filter((k) => keyed[k].dataset.lkCorrect === "true");
    return {
      read() {
        const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
        return chosen.length ? chosen : null;
      },
      restore: (chosen) => inputs.forEach((i) => (i.checked = chosen.includes(i.value) && has(keyed, i.value))),
      clear: () => inputs.forEach((i) => (i.checked = false)),
      judge(chosen) {
        const hits = chosen.filter((c) => right.includes(c)).length;
        const ok = hits === right.length && hits === chosen.length;
        const marks = opts.filter((o) => chosen.includes(o.dataset.lkOption) && has(keyed, o.dataset.lkOption))
          .map((o) => {
            const li = keyed[o.dataset.lkOption];
            return { at: o, ok: li.dataset.lkCorrect === "true", why: $(".lk-why", li) };
          });
        const wrong = chosen.length - hits;
        const said = { hits, right: right.length, wrong };
        const detail = ok || right.length < 2 ? "" : t(wrong ? "choseWrong" : "chose", said);
        return { ok, detail, marks };
      },
    };
  }

  /* What a typed answer is compared as. The steps are named in lessonkit/questions/short_answer.py,
     which applies them to the accepted answers; the page lists them (data-lk-normalise) and this
     table does each one the same way (a test compares the two in this browser). A step missing
     here throws, so the question is left as it is without JavaScript instead of judged otherwise.
       nfkd    compatibility decomposition: "é" is "e" and an accent; a full-width "Ａ" is "A"
       lower   lowercase
       unmark  drop nonspacing marks (the accents NFKD split off)
       spaces  any run of Unicode white space is one space; none at either end */
  const NORMALISE = {
    nfkd: (s) => s.normalize("NFKD"),
    lower: (s) => s.toLowerCase(),
    unmark: (s) => s.replace(/\p{Mn}/gu, ""),
    spaces: (s) => s.replace(/\p{White_Space}+/gu, " ").replace(/^ | $/g, ""),
  };
  function normaliser(names) {
    const steps = names.split(" ").filter(Boolean).map((name) => {
      if (!has(NORMALISE, name)) throw new Error(`unknown normalisation step "${name}"`);
      return NORMALISE[name];
    });
    return (s) => steps.reduce((v, step) => step(v), s);
  }

  // A text box in .lk-short; the accepted answers, normalised, in .lk-feedback [data-lk-accept],
  // and the author's feedback, if any, in [data-lk-if=right] and [data-lk-if=wrong].
  function shortAnswer(fs) {
    const box = $(".lk-short", fs);
    const input = box && $("input", box);
    if (!input) throw new Error("a short answer needs its .lk-short and its text box");
    const norm = normaliser(box.dataset.lkNormalise || "");
    const accepted = $$(".lk-feedback [data-lk-accept]", fs).map((li) => li.dataset.lkAccept);
    if (!accepted.length) throw new Error("a short answer needs its accepted answers");
    const why = (which) => $(`.lk-feedback [data-lk-if="${which}"]`, fs);
    // the feedback lands here, and the text box is described by it
    const said = h("div", { className: "lk-said", id: `${fs.id || "q"}-said` });
    box.append(said);
    const described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", described ? `${described} ${said.id}` : said.id);
    input.spellcheck = false;
    input.setAttribute("autocapitalize", "off");
    // Enter checks (a form with two text boxes has no implicit submission to do it)
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.isComposing) return;
      e.preventDefault();
      $(".lk-check", fs)?.click();
    });
    // Typing is seen as "input". The "change" a text box fires when it loses the focus would
    // come after Enter has checked, and wipe the verdict as stale.
    input.addEventListener("change", (e) => e.stopPropagation());
    return {
      empty: "typeFirst",
      read: () => (norm(input.value) ? [input.value] : null),
      restore: (chosen) => (input.value = isStr(chosen[0]) ? chosen[0] : ""),
      clear: () => (input.value = ""),
      judge(chosen) {
        const ok = accepted.includes(norm(chosen[0]));
        const fb = why(ok ? "right" : "wrong");
        return { ok, marks: fb ? [{ at: said, ok, why: fb }] : [] };
      },
    };
  }

  /* One question: Check and Try again, the verdict and what it says to a screen reader, and
     what is kept. On a quiz page the answer is kept (and put back on the next visit); on the
     Practice page (how.practice) it is not, and the reader is told when the question comes
     back. Either way the answer reschedules the question's practice. how.confidence asks
     "how sure are you?" beside the answer; it is optional. */
  function question(fs, type, n, quizId, P, update, how = {}) {
    const key = `${quizId}/${fs.dataset.lkQuestion}`;
    const hash = fs.dataset.lkHash;
    const empty = type.empty || "chooseFirst";
    // Check, Try again and "how sure are you?" are in the page (question.md.j2)
    const actions = $(":scope > .lk-actions", fs);
    const check = actions && $(".lk-check", actions);
    const retry = actions && $(".lk-retry", actions);
    if (!check || !retry) throw new Error("a question needs its .lk-actions, with .lk-check and .lk-retry");
    const out = h("div", { className: "lk-result" });
    actions.after(out);
    const sure = how.confidence ? confidence($(":scope > fieldset.lk-sure", fs)) : null;
    const focus = () => $("input, select, textarea", fs)?.focus();
    let state = null; // null: not checked; true or false: checked, right or not

    const unmark = () => {
      state = null;
      out.replaceChildren();
      retry.hidden = true;
      $$(".lk-fb", fs).forEach((e) => e.remove());
      $$("[data-lk-state]", fs).forEach((e) => delete e.dataset.lkState);
      for (const control of $$("[data-lk-described]", fs)) { // as the page had it
        const before = control.dataset.lkDescribed;
        before ? control.setAttribute("aria-describedby", before) : control.removeAttribute("aria-describedby");
        delete control.dataset.lkDescribed;
      }
    };
    const mark = (chosen) => {
      unmark();
      const { ok, detail = "", marks = [] } = type.judge(chosen);
      state = !!ok;
      marks.forEach((m, i) => {
        m.at.dataset.lkState = m.ok ? "right" : "wrong";
        const label = h("strong", {}, t(m.ok ? "optionRight" : "optionWrong"));
        const id = `${fs.id || key}-fb-${i}`;
        m.at.append(h("p", { className: "lk-fb", id }, label, t("gap"), ...(m.why ? [m.why.cloneNode(true)] : [])));
        // the feedback describes the control it is about, for a screen reader that lands there
        const control = $("input, textarea, select", m.at);
        if (control) {
          control.dataset.lkDescribed = control.getAttribute("aria-describedby") || "";
          control.setAttribute("aria-describedby", [control.dataset.lkDescribed, id].filter(Boolean).join(" "));
        }
      });
      const verdict = join([t(state ? "right" : "notQuite"), detail]);
      // the live region says why, not only whether: the feedback of what was chosen
      const why = join(marks.filter((m) => m.why).map((m) => text(m.why)));
      const expl = $(".lk-explanation", fs);
      out.append(h("p", { className: "lk-verdict", "data-lk-ok": state }, verdict), ...(expl ? [expl.cloneNode(true)] : []));
      retry.hidden = false;
      return t("questionSaid", { n, verdict: join([verdict, why]) });
    };

    check.addEventListener("click", () => {
      const chosen = type.read();
      if (!chosen) {
        unmark();
        out.append(h("p", { className: "lk-verdict" }, t(empty)));
        return P.say(t(`${empty}Said`, { n }));
      }
      let said = mark(chosen);
      const ok = state;
      const certainty = sure ? sure.read() : null;
      const kept = P.change((d) => {
        if (!how.practice) d.answers[key] = { hash, chosen, date: now() };
        d.review[key] = reschedule(d.review[key], hash, ok, certainty);
      });
      if (!kept) out.append(h("p", { className: "lk-save-failed" }, P.notSaved())); // beside the verdict
      else if (how.practice) {
        const back = comesBack(P.data.review[key], ok && certainty === "guess");
        $(".lk-verdict", out).after(h("p", { className: "lk-back" }, back)); // the verdict, then when it returns
        said = join([said, back]);
      }
      update(said);
    });
    const reset = () => {
      type.clear();
      sure?.clear();
      unmark();
      if (!how.practice && P.data.answers[key]) P.change((d) => delete d.answers[key]);
    };
    retry.addEventListener("click", () => {
      reset();
      update(t("questionCleared", { n }));
      focus();
    });
    const stale = () => { // a new answer makes the old feedback stale
      if (state === null) return;
      unmark();
      if (!how.practice) P.change((d) => delete d.answers[key]);
      update();
    };
    fs.addEventListener("change", stale);
    fs.addEventListener("input", stale); // typing, for types with text fields

    // the question was edited: what was kept for it answered another question
    const old = (part) => P.data[part][key] && P.data[part][key].hash !== hash;
    if (old("answers") || old("review")) {
      P.change((d) => ["answers", "review"].forEach((part) => d[part][key]?.hash !== hash && delete d[part][key]));
    }
    const saved = how.practice ? null : P.data.answers[key];
    if (saved) {
      type.restore(saved.chosen);
      const chosen = type.read();
      if (chosen) mark(chosen);
    }
    if (state === null) retry.hidden = true;
    return { state: () => state, reset, focus };
  }

  // "How sure are you?": three radio buttons of their own in the page (sure, fairly, guess),
  // optional. Their changes are kept from the question, where a change would clear the
  // verdict as stale.
  function confidence(box) {
    if (!box) throw new Error("a question asked how sure the reader is needs its fieldset.lk-sure");
    ["change", "input"].forEach((e) => box.addEventListener(e, (ev) => ev.stopPropagation()));
    return {
      read: () => $("input:checked", box)?.value || null,
      clear: () => $$("input", box).forEach((i) => (i.checked = false)),
    };
  }

  // When a question just answered on the Practice page comes back, in words.
  function comesBack(e, guessed) {
    if (learned(e)) return t("backNever");
    const days = daysFrom(today(), e.due);
    if (days <= 1) return t(guessed ? "backGuess" : "backTomorrow");
    return t("backIn", { days, date: day(`${e.due}T12:00`) });
  }

  /* ---- practice: the questions due today, mixed across lessons ----
     The page holds every knowledge-check question, hidden (data-lk-from names its quiz). The
     ones due come first if they were answered sure and wrong, then the rest, spread so that
     two from the same quiz stand apart where they can. The others are taken out. */
  function practice(box, P) {
    const form = $("form", box);
    if (!form) return;
    const all = $$("fieldset[data-lk-from]", form);
    const byKey = new Map(all.map((fs) => [`${fs.dataset.lkFrom}/${fs.dataset.lkQuestion}`, fs]));
    const edited = Object.keys(P.data.review).filter((k) => byKey.has(k) && byKey.get(k).dataset.lkHash !== P.data.review[k].hash);
    if (edited.length) P.change((d) => edited.forEach((k) => delete d.review[k])); // each is a new question now
    const here = Object.entries(P.data.review).filter(([k]) => byKey.has(k));
    const due = here.filter(([, e]) => isDue(e)).map(([k]) => k);
    const order = [...shuffle(due.filter((k) => P.data.review[k].sure)), ...spread(due.filter((k) => !P.data.review[k].sure))];
    const status = $(":scope > .lk-practice-status", box); // in the page, saying what a first visit finds
    if (!status) throw new Error("the Practice page needs its .lk-practice-status");
    if (!order.length) {
      const next = here.map(([, e]) => e).filter((e) => !learned(e)).map((e) => e.due).sort()[0];
      status.textContent = !here.length ? t("practiceNone") : next ? t("practiceLater", { date: day(`${next}T12:00`) }) : t("practiceLearned");
      form.remove();
      return;
    }
    const shown = order.map((k) => byKey.get(k));
    all.filter((fs) => !shown.includes(fs)).forEach((fs) => fs.remove());
    form.prepend(...shown);
    form.hidden = false;
    form.addEventListener("submit", (e) => e.preventDefault());
    const qs = [];
    const update = (said) => {
      const left = qs.filter((q) => q.state() === null).length;
      status.textContent = left ? join([t("dueCount", { count: shown.length }), t("practiceLeft", { left })]) : t("practiceFinished");
      if (said) P.say(join([said, status.textContent]));
    };
    shown.forEach((fs, i) => {
      const legend = $("legend", fs);
      legend?.prepend(`${t("questionNumber", { n: i + 1 })}${legend.textContent.trim() ? " " : ""}`);
      if (P.data.review[order[i]].sure) ($(".lk-from", fs) || legend)?.after(h("p", { className: "lk-sure-note" }, t("sureWrong")));
      const type = fs.dataset.lkType;
      if (!has(TYPES, type)) return void withoutScript(fs);
      const q = widget(named("a question", fs), [fs], () => question(fs, TYPES[type](fs), i + 1, fs.dataset.lkFrom, P, update, {
        practice: true, confidence: box.hasAttribute("data-lk-confidence"),
      }));
      if (q) qs.push(q);
    });
    update();
  }
  function shuffle(xs) {
    const a = xs.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  // Keys "quiz/question" in random order, each next one from another quiz than the last
  // where one is left, from the quiz with the most left: so no quiz's questions bunch up.
  function spread(keys) {
    const groups = new Map();
    for (const k of shuffle(keys)) {
      const g = k.split("/")[0];
      groups.has(g) ? groups.get(g).push(k) : groups.set(g, [k]);
    }
    const out = [];
    let last = null;
    while (out.length < keys.length) {
      const left = [...groups].filter(([, ks]) => ks.length).sort((a, b) => b[1].length - a[1].length);
      const [g, ks] = left.find(([name]) => name !== last) || left[0];
      out.push(ks.pop());
      last = g;
    }
    return out;
  }

  // "3 questions are ready for practice", on the home and progress pages, when any are due.
  // Only questions this version of the course has, unedited, count.
  function duePrompt(el, P) {
    const known = JSON.parse(el.dataset.lkDue);
    const count = Object.entries(P.data.review)
      .filter(([k, e]) => has(known, k) && isObj(known[k]) && known[k].h === e.hash && isDue(e)).length;
    $("[data-lk-due-count]", el).textContent = count ? t("dueCount", { count }) : "";
    el.hidden = !count;
  }

  /* ---- exercises: hints one at a time behind a button, then the solution ----
     Without JavaScript each hint is a <details> of its own. Here each becomes a block that stays
     hidden until "Show a hint" reveals the next one and moves the focus to it, so a screen reader
     reads it; the button follows the hints, one Tab away. The solution stays a <details>. */
  function exercise(box) {
    const hints = $$(":scope > details.lk-hint-box", box);
    if (!hints.length) return;
    const shown = hints.map((d, i) => {
      const label = h("p", { className: "lk-hint-label" }, h("strong", {}, t("hintOf", { n: i + 1, total: hints.length })));
      const body = [...d.childNodes].filter((c) => !(c.nodeType === 1 && c.matches("summary")));
      const el = h("div", { className: "lk-hint-shown", tabIndex: -1, hidden: true }, label, ...body);
      d.replaceWith(el);
      return el;
    });
    const more = button(t("showHint"), "lk-more");
    const actions = h("div", { className: "lk-actions" }, more);
    shown[shown.length - 1].after(actions);
    let next = 0;
    more.addEventListener("click", () => {
      const el = shown[next++];
      el.hidden = false;
      if (next < shown.length) more.textContent = t("showNextHint");
      else actions.hidden = true;
      el.focus();
    });
  }

  /* ---- self-check: subscale means and bands, never right or wrong ---- */
  function selfCheck(form, results, P) {
    let conf;
    try {
      conf = JSON.parse($("[data-lk-bands]", P.root).dataset.lkBands);
    } catch {
      return;
    }
    if (!results || !conf || !Array.isArray(conf.bands)) return;
    const { points, bands } = conf;
    const band = (m) => bands.find((b, i) => m >= b.from && (m < b.to || (i === bands.length - 1 && m <= b.to)));
    const intro = h("p", { className: "lk-results-intro", tabIndex: -1 });
    const save = button(t("saveResult"));
    const saved = h("p", { className: "lk-saved", role: "status" });
    const submit = h("button", { type: "submit", className: "md-button md-button--primary" }, t("seeResults"));
    const hint = h("p", { className: "lk-hint" }, t("blankHint"));
    form.append(h("div", { className: "lk-actions" }, submit, hint));
    results.prepend(intro);
    $(".lk-save-note", results)?.before(h("div", { className: "lk-actions" }, save), saved);
    let last = null;

    const score = () => {
      const subs = Object.create(null);
      for (const fs of $$("[data-lk-item]", form)) {
        const s = (subs[fs.dataset.lkSubscale] ||= { sum: 0, n: 0, of: 0 });
        const c = $("input:checked", fs);
        s.of++;
        if (!c) continue;
        s.sum += fs.hasAttribute("data-lk-reverse") ? points + 1 - +c.value : +c.value;
        s.n++;
      }
      return $$("[data-lk-subscale-result]", results).map((sec) => {
        const id = sec.dataset.lkSubscaleResult;
        const s = subs[id] || { n: 0, of: 0 };
        const mean = s.n ? s.sum / s.n : null;
        const b = mean === null ? null : band(mean);
        const out = $("[data-lk-band]", sec);
        out.replaceChildren();
        if (mean === null) out.append(t("notScored"));
        else {
          const said = { text: b ? b.text : "", mean, answered: s.n, of: s.of };
          out.append(h("strong", {}, t("band", { band: b ? b.label : t("noBand") })), t("gap"),
            t(s.n < s.of ? "averagePart" : "average", said));
        }
        return { id, title: text($("[role=heading]", sec) || sec), band: b ? b.label : "", mean, answered: s.n, of: s.of };
      });
    };
    const show = (focus) => {
      last = score();
      const any = last.some((r) => r.mean !== null);
      const part = last.filter((r) => r.answered < r.of).map((r) => r.title);
      const groups = part.join(t("listSeparator"));
      intro.textContent = any ? join([t("suggest"), part.length && t("unanswered", { groups })]) : t("answerOne");
      results.hidden = false;
      save.hidden = !any;
      saved.textContent = "";
      if (focus) {
        intro.focus();
        P.say(intro.textContent);
      }
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      show(true);
    });
    form.addEventListener("change", () => last && show(false));
    save.addEventListener("click", () => {
      const ok = P.change((d) => d.checks.push({ date: now(), results: last }));
      saved.textContent = ok ? t("resultSaved", { date: day(now()) }) : P.notSaved();
      save.hidden = ok;
    });
  }

  /* ---- reflection notes: autosaved on this device ---- */
  function note(box, P) {
    const area = $("textarea", box);
    if (!area) return;
    const key = box.dataset.lkNote;
    const status = h("p", { className: "lk-saved", role: "status" });
    area.after(status);
    if (P.data.notes[key]) area.value = P.data.notes[key].text;
    area.addEventListener("input", () => {
      const value = area.value;
      const ok = P.change((d) => {
        if (!value.trim()) return delete d.notes[key];
        d.notes[key] = { text: value, prompt: text($("p", box) || box), lesson: text($("h1", P.root) || box), date: now() };
      });
      const msg = ok ? t("noteSaved") : P.notSaved();
      if (status.textContent !== msg) status.textContent = msg;
    });
  }

  /* ---- progress page: history, notes, export, import, erase ---- */
  function progress(el, P) {
    const hist = $("[data-lk-history]", el);
    const notes = $("[data-lk-notes]", el);
    const empty = [hist, notes].map((x) => x && [...x.childNodes]);
    // Download, Erase, loading a file, the message line and Undo are in the page (progress.md.j2)
    const data = $("[data-lk-data]", el);
    const [download, erase, file, msg, undo] = [".lk-download", ".lk-erase", "#lk-import", ".lk-msg", ".lk-undo"].map((s) => data && $(s, data));
    if (!download || !erase || !file || !msg || !undo) throw new Error("the progress page needs its data controls (progress.md.j2)");
    if (P.off) P.notice(t("storageOff"));
    const line = (r) => { // one subscale of a saved self-check result
      if (r.mean === null) return t("historyNone", { title: r.title });
      const said = { title: r.title, band: r.band || t("historyNoBand"), mean: r.mean, answered: r.answered, of: r.of };
      return t(r.answered < r.of ? "historyPart" : "history", said);
    };

    const render = () => {
      markLessons(P);
      $$("[data-lk-due]", el).forEach((x) => duePrompt(x, P));
      const d = P.data;
      if (hist) {
        hist.replaceChildren(...(d.checks.length ? [h("ol", { className: "lk-history", reversed: true },
          ...d.checks.slice().reverse().map((c) => h("li", {}, h("strong", {}, day(c.date)), h("ul", {},
            ...c.results.map((r) => h("li", {}, line(r))))))),
        h("p", {}, ...tn("compare", { link: $("a", hist)?.cloneNode(true) || "" }))] : empty[0]));
      }
      if (notes) {
        const order = $$("[data-lk-lessons] li[data-lk-lesson]", el).map((li) => li.dataset.lkLesson);
        const rank = (k) => (order.indexOf(k.split("/")[0]) + 1) || 1e9;
        const keys = Object.keys(d.notes).sort((a, b) => rank(a) - rank(b));
        const list = [];
        let lesson = null;
        for (const k of keys) {
          const nt = d.notes[k];
          const id = k.split("/")[0];
          if (id !== lesson) {
            const link = $(`li[data-lk-lesson="${CSS.escape(id)}"] a`, el);
            list.push(h("h3", {}, link ? h("a", { href: link.href }, link.textContent) : nt.lesson || id));
            lesson = id;
          }
          const quote = h("blockquote", {}, h("p", {}, nt.text));
          list.push(h("figure", { className: "lk-note-saved" }, h("figcaption", {}, nt.prompt || t("noteCaption")), quote));
        }
        notes.replaceChildren(...(list.length ? list : empty[1]));
      }
    };

    download.addEventListener("click", () => {
      downloadData(P.course, P.data);
      msg.textContent = t("downloaded");
    });

    /* Loading a file: read and checked whole (verify) before anything changes; then the
       reader sees what it holds beside what is kept here, and chooses to replace, merge or
       cancel. Until the page is left, Undo puts back what was kept before. */
    const questions = (() => {
      try {
        return JSON.parse($("[data-lk-due]", P.root)?.dataset.lkDue || "{}");
      } catch {
        return {};
      }
    })();
    const points = +($("[data-lk-points]", P.root)?.dataset.lkPoints || 0);
    const what = h("p", { tabIndex: -1 });
    const replace = button(t("importReplace"), "md-button--primary");
    const combine = button(t("importMerge"));
    const cancel = button(t("importCancel"));
    const choose = h("div", { className: "lk-confirm lk-import-ask", hidden: true }, what, h("p", {}, t("importAsk")),
      h("div", { className: "lk-actions" }, replace, combine, cancel));
    let incoming = null;
    let before = null; // what was kept before the last load
    const settle = (data, said) => { // keep data, show it, say so
      const why = store(P.course, data);
      P.data = data;
      if (why) {
        P.why = why;
        P.failed(why);
      }
      choose.hidden = true;
      render();
      msg.textContent = join([t(said), why && P.notSaved()]);
    };
    const use = (data, said) => {
      before = P.data;
      incoming = null;
      settle(data, said);
      undo.hidden = false;
      undo.focus();
    };
    file.addEventListener("change", async () => {
      const f = file.files[0];
      file.value = "";
      choose.hidden = true;
      if (!f) return;
      // A file this site writes is the kept data, pretty-printed: a few MB at the most.
      if (f.size > 64e6) return (msg.textContent = t("tooBig"));
      let d;
      try {
        d = JSON.parse(await f.text());
      } catch {
        return (msg.textContent = t("notProgress"));
      }
      const checked = verify(d, P.course, questions, points);
      if (checked.why) return (msg.textContent = t(...checked.why));
      incoming = checked.data;
      const saved = isDate(d.exported) ? day(d.exported) : "";
      what.textContent = join([t(saved ? "fileHolds" : "fileHoldsUndated", { date: saved, what: holds(incoming) }),
        t("hereHolds", { what: holds(P.data) })]);
      msg.textContent = "";
      choose.hidden = false;
      what.focus();
    });
    replace.addEventListener("click", () => incoming && use(incoming, "replaced"));
    combine.addEventListener("click", () => incoming && use(merge(P.data, incoming), "merged"));
    cancel.addEventListener("click", () => {
      incoming = null;
      choose.hidden = true;
      msg.textContent = t("cancelled");
      file.focus();
    });
    undo.addEventListener("click", () => {
      if (!before) return;
      settle(before, "undone");
      before = null;
      undo.hidden = true;
      file.focus();
    });

    const yes = button(t("eraseYes"), "md-button--primary");
    const no = button(t("eraseNo"));
    const ask = h("p", { tabIndex: -1 }, t("eraseAsk"));
    const confirm = h("div", { className: "lk-confirm lk-erase-ask", hidden: true }, ask, h("div", { className: "lk-actions" }, yes, no));
    erase.addEventListener("click", () => {
      confirm.hidden = false;
      ask.focus();
    });
    no.addEventListener("click", () => {
      confirm.hidden = true;
      erase.focus();
    });
    yes.addEventListener("click", () => {
      before = null; // erased is erased: no undo brings a loaded file's data back over it
      undo.hidden = true;
      try {
        localStorage.removeItem(KEY(P.course));
      } catch {}
      delete memory[P.course];
      P.data = blank(P.course);
      confirm.hidden = true;
      render();
      msg.textContent = t("erased");
      erase.focus();
    });

    erase.parentElement.after(confirm);
    file.parentElement.after(choose);
    render();
  }

  // A page starts in a task of its own. A deferred script runs in the task that then runs
  // Material's handlers of the parsed page; starting there would make that one long task
  // longer, where two shorter ones let a phone answer a tap in between (Lighthouse, median of
  // 5 on the review page: blocking time 107 ms against 142). Material's instant navigation
  // announces every new page on document$. Plain loads run too, in case the stream ends
  // without a page (Material 9.8 over file://); init runs once a page.
  const soon = () => setTimeout(init, 0);
  if (window.document$) window.document$.subscribe(soon);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", soon);
  else soon();
})();
