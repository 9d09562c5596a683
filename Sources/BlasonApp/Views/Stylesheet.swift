import Foundation
/// The one stylesheet: no framework, no build step, readable from 320 px wide to desktop.
enum Stylesheet {
    static let css = """
    :root { --ink: #1b1f24; --muted: #4d5660; --line: #d5dae0; --paper: #ffffff; --wash: #f4f6f8;
      --brand: #0b4f8a; --brand-dark: #08365e; --ok: #1b6e34; --warn: #8a5300; --bad: #a4161a; --focus: #ffbf47;
      --radius: 6px; --space: 1rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: var(--wash); line-height: 1.5; font-size: 1rem; }
    a { color: var(--brand); } a:hover { color: var(--brand-dark); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip-link { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
    .skip-link:focus { left: 0; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .site-header { background: var(--paper); border-bottom: 1px solid var(--line); }
    .brand-row { display: flex; flex-wrap: wrap; gap: var(--space); align-items: center; justify-content: space-between; padding: .75rem var(--space); max-width: 72rem; margin: 0 auto; }
    .brand { text-decoration: none; color: var(--ink); display: flex; flex-direction: column; }
    .brand-name { font-weight: 700; font-size: 1.4rem; color: var(--brand); }
    .brand-tagline { font-size: .85rem; color: var(--muted); }
    .header-tools { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
    .language-switch { display: flex; gap: .5rem; align-items: center; }
    .current-language { font-weight: 700; }
    .main-nav { background: var(--brand); }
    .main-nav ul { list-style: none; margin: 0 auto; padding: 0 var(--space); display: flex; flex-wrap: wrap; max-width: 72rem; }
    .main-nav a { display: block; padding: .6rem .8rem; color: #fff; text-decoration: none; }
    .main-nav a[aria-current] { background: var(--brand-dark); text-decoration: underline; }
    main { display: block; max-width: 72rem; margin: 0 auto; padding: var(--space); background: var(--paper); min-height: 60vh; }
    .site-footer { max-width: 72rem; margin: 0 auto; padding: var(--space); color: var(--muted); font-size: .9rem; }
    h1 { font-size: 1.8rem; line-height: 1.2; margin: .5rem 0 1rem; } h2 { font-size: 1.35rem; margin-top: 2rem; }
    .lead { font-size: 1.15rem; color: var(--muted); }
    .narrow { max-width: 28rem; }
    .notice { background: #e8f3ec; border-left: 4px solid var(--ok); padding: .75rem 1rem; margin-bottom: 1rem; }
    .notice code { word-break: break-all; font-size: 1rem; }
    .error-summary { border: 3px solid var(--bad); padding: .75rem 1rem; margin-bottom: 1.5rem; }
    .error-summary h2 { margin-top: 0; font-size: 1.1rem; color: var(--bad); }
    form { margin: 1rem 0; } form.inline { display: inline-flex; gap: .4rem; align-items: center; margin: 0; }
    fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem 1rem; margin: 1rem 0; }
    legend { font-weight: 700; padding: 0 .3rem; }
    .field { margin: 0 0 1rem; display: flex; flex-direction: column; gap: .25rem; flex: 1 1 12rem; }
    .field.checkbox { flex-direction: row; align-items: center; gap: .5rem; }
    .field-row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    label { font-weight: 600; }
    .required { color: var(--bad); }
    .hint { color: var(--muted); font-size: .9rem; margin: 0; }
    .field-error { color: var(--bad); font-weight: 600; } .field-error p { margin: 0; }
    .has-error input, .has-error textarea, .has-error select { border-color: var(--bad); border-width: 2px; }
    input, textarea, select { font: inherit; padding: .5rem; border: 1px solid #8a939c; border-radius: var(--radius); background: #fff; max-width: 100%; }
    textarea { width: 100%; }
    .button, button { display: inline-block; font: inherit; padding: .5rem 1rem; border-radius: var(--radius); border: 1px solid var(--brand); background: #fff; color: var(--brand); text-decoration: none; cursor: pointer; }
    .button.primary, button.primary { background: var(--brand); color: #fff; }
    .button.danger, button.danger { border-color: var(--bad); color: var(--bad); }
    .button.small, button.small { padding: .25rem .6rem; font-size: .9rem; }
    .link-button { border: none; background: none; color: var(--brand); text-decoration: underline; padding: 0; }
    .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
    .badge-grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 1rem; }
    .badge-card { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem; text-align: center; background: #fff; }
    .badge-card a { display: flex; flex-direction: column; align-items: center; gap: .5rem; text-decoration: none; }
    .badge-card.archived { opacity: .7; }
    .badge-card .meta { display: block; color: var(--muted); font-size: .85rem; }
    .badge-image { object-fit: contain; } .badge-image.small { width: 64px; height: 64px; } .badge-image.medium { width: 160px; height: 160px; }
    .badge-header { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
    .verdict { font-weight: 700; padding: .5rem .75rem; border-radius: var(--radius); }
    .verdict.valid { background: #e8f3ec; color: var(--ok); } .verdict.expired { background: #fdf3e1; color: var(--warn); }
    .verdict.revoked { background: #fbe9ea; color: var(--bad); } .verdict.revoked p { margin: 0; }
    .tag { display: inline-block; padding: 0 .5rem; border-radius: 999px; border: 1px solid currentColor; font-size: .85rem; }
    .tag-valid { color: var(--ok); } .tag-revoked { color: var(--bad); } .tag-expired { color: var(--warn); }
    .tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    .stats { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
    .stats li { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem 1rem; min-width: 8rem; }
    .stats strong { display: block; font-size: 1.8rem; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    caption { text-align: left; font-weight: 700; padding: .5rem 0; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
    .link-list li { margin: .4rem 0; }
    .badge-list { list-style: none; padding: 0; }
    .badge-item { display: flex; gap: 1rem; align-items: flex-start; padding: 1rem 0; border-bottom: 1px solid var(--line); }
    .badge-item h3 { margin: 0 0 .25rem; }
    .badge-item-body { flex: 1; min-width: 0; }
    .inline-links { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    .tag-proposed { color: var(--warn); }
    .outbox { list-style: none; padding: 0; } .outbox li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
    .outbox summary { cursor: pointer; } .mail-body { background: var(--wash); padding: .5rem 1rem; margin-top: .5rem; overflow-wrap: anywhere; }
    .mail-body p { margin: .25rem 0; }
    .danger-zone { border-top: 2px solid var(--bad); margin-top: 2rem; }
    .filters ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
    .filters a { display: inline-block; padding: .25rem .75rem; border: 1px solid var(--brand); border-radius: 999px; text-decoration: none; }
    .filters a[aria-current] { background: var(--brand); color: #fff; }
    .partner-list, .endorsement-list, .request-list, .template-list, .thread { list-style: none; padding: 0; }
    .partner-list > li, .endorsement-list > li, .request-list > li { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem 1rem; margin: .5rem 0; }
    .quote { border-left: 3px solid var(--line); padding-left: .75rem; color: var(--muted); }
    details { margin: .5rem 0; } summary { cursor: pointer; color: var(--brand); }
    .thread li { border-left: 3px solid var(--line); padding: .25rem .75rem; margin: .5rem 0; }
    .thread li.from-applicant { border-color: var(--brand); }
    .thread .meta { color: var(--muted); font-size: .9rem; margin: 0; }
    .answers dd p { margin: 0 0 .25rem; }
    .question-row { border-bottom: 1px dashed var(--line); margin-bottom: 1rem; }
    .qr-code { vertical-align: middle; margin-left: 1rem; }
    .review-action { border: 1px solid var(--line); border-radius: var(--radius); padding: .5rem 1rem; margin: 1rem 0; }
    .markdown ul { padding-left: 1.25rem; }
    .progress-summary { font-weight: 700; }
    .checklist { list-style: none; padding: 0; }
    .checklist > .step { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: var(--radius); padding: .25rem 1rem 1rem; margin: 1rem 0; }
    .checklist > .step-done { border-left-color: var(--ok); } .checklist > .step-progress { border-left-color: var(--warn); }
    .checklist > .step-todo { border-left-color: var(--brand); }
    .checklist h2 { margin: .5rem 0; font-size: 1.2rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem; }
    .step-number { display: inline-flex; justify-content: center; align-items: center; min-width: 1.8rem; height: 1.8rem; border-radius: 50%; background: var(--brand); color: #fff; font-size: 1rem; }
    .step-done .step-number { background: var(--ok); }
    .step-state { font-size: .85rem; font-weight: 600; padding: 0 .5rem; border-radius: 999px; border: 1px solid currentColor; }
    .step-done .step-state { color: var(--ok); } .step-progress .step-state { color: var(--warn); } .step-todo .step-state { color: var(--muted); }
    .step-items { padding-left: 1.25rem; } .step-items li { margin: .5rem 0; }
    @media (max-width: 40rem) { dl { grid-template-columns: 1fr; } .brand-row { flex-direction: column; align-items: flex-start; } h1 { font-size: 1.5rem; } }
    .todo { border: 2px solid var(--brand); border-radius: var(--radius); padding: .25rem 1rem .75rem; margin: 1rem 0 1.5rem; background: #f0f6fc; }
    .todo h2 { margin-top: .5rem; }
    .todo-list { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
    .todo-list a { display: flex; gap: .75rem; align-items: center; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: var(--radius); background: #fff; text-decoration: none; }
    .todo-count { display: inline-flex; justify-content: center; min-width: 2.2rem; padding: .1rem .5rem; border-radius: 999px; background: var(--brand); color: #fff; }
    .chart-figure { margin: 1rem 0; max-width: 40rem; } .chart-figure figcaption { font-weight: 700; margin-bottom: .5rem; }
    .chart { display: block; max-width: 100%; height: auto; }
    .visually-hidden-table { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    img, svg { max-width: 100%; }
    main p, main li, main dd, main td, main h1, main h2, label, legend { overflow-wrap: anywhere; }
    fieldset { min-width: 0; }
    @media (max-width: 22rem) { main { padding: .75rem; } .button, button { padding: .45rem .75rem; } th, td { padding: .4rem .3rem; } }
    @media print {
      .site-header, .site-footer, .main-nav, .skip-link, .downloads, .actions, form, .language-switch { display: none !important; }
      body { background: #fff; color: #000; font-size: 11pt; } main { padding: 0; max-width: none; }
      a { color: #000; } main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; word-break: break-all; }
      .badge-header, .verdict, .badge-card, tr { break-inside: avoid; }
      .verdict { border: 1px solid #000; }
    }
    """
}
