import type { KitSection } from "#app/models/kit-document.server";

/** The table of contents of every document of the kit, for the side of the page. */
export function KitContents({ sections, extra = [] }: { sections: KitSection[]; extra?: { id: string; title: string }[] }) {
  return (
    <nav className="kit-toc no-print" aria-label="Kit contents">
      <h2 className="small muted">Contents</h2>
      <ol>
        {extra.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>{e.title}</a>
          </li>
        ))}
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.title}</a>
            <ol>
              {s.toc
                .filter((t) => t.level === 3 || t.focus)
                .map((t) => (
                  <li key={t.id} className={t.focus ? "kit-toc-focus" : undefined}>
                    <a href={`#${t.id}`}>{t.text}</a>
                  </li>
                ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The documents themselves. The HTML comes from renderDocument: Markdown with raw HTML escaped. */
export function KitDocuments({ sections }: { sections: KitSection[] }) {
  return (
    <>
      {sections.map((s) => (
        <section key={s.id} id={s.id} className="card kit-doc" aria-label={s.title}>
          <p className="kit-doc-label">{s.title}</p>
          <div className="markdown kit-markdown" dangerouslySetInnerHTML={{ __html: s.html }} />
        </section>
      ))}
    </>
  );
}
