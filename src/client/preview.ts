/**
 * The preview webview beside a message's source (a lazily loaded chunk: see
 * previewCommands.ts). It renders the editor's live text through the core
 * (src/mail/preview), so preview and diagnostics read the same parse; it
 * follows edits (debounced; only changed sections are replaced, so the scroll
 * position stays), links preview parts and source lines both ways, and opens
 * or saves attachments through a read-only file system of decoded parts.
 * The page runs only our scripts (by nonce); message HTML is sanitized and
 * shown in sandboxed frames; remote content loads only after the reader asks,
 * for that message.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { bundleFor, resolveLanguage, type Language } from '../mail/i18n';
import { buildPreview } from '../mail/preview/build';
import { PREVIEW_CSS, VIEW_SCRIPT, escapeHtml, renderSections, type RenderedSection } from '../mail/preview/render';
import { messageAt, type LocatedMessage } from '../mail/preview/source';
import { documentKind as kindOf } from './partContent';
import type { PartFiles } from './partFiles';

/** Edits closer together than this are rendered once. */
const DEBOUNCE_MS = 150;

/** Messages the webview posts. */
type FromWebview =
  | { type: 'reveal'; offset: number; end: number }
  | { type: 'open' | 'save'; path: string }
  | { type: 'link'; href: string }
  | { type: 'remote' }
  | { type: 'problems' };

/** Opens previews, one per document, and owns what they share. */
export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly parts: PartFiles,
  ) {}

  /** Shows the preview of `uri` (else the active editor's document), in the active column or beside it. */
  async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!document || !kindOf(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Show Preview works in an .eml, .mbox or .smtp document.'));
      return;
    }
    const key = document.uri.toString();
    const cursor = editor && editor.document === document ? document.offsetAt(editor.selection.active) : 0;
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(column);
      return;
    }
    const panel = new PreviewPanel(this.context, this.parts, document, cursor, column, editor?.viewColumn, () => this.panels.delete(key));
    this.panels.set(key, panel);
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    this.panels.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** One preview panel following one document. */
class PreviewPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private located: LocatedMessage | undefined;
  private allowRemote = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly language: Language = resolveLanguage(vscode.env.language);
  private disposed = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly parts: PartFiles,
    private document: vscode.TextDocument,
    private cursor: number,
    column: vscode.ViewColumn,
    private sourceColumn: vscode.ViewColumn | undefined,
    private readonly onDispose: () => void,
  ) {
    const labels = bundleFor(this.language).preview;
    this.panel = vscode.window.createWebviewPanel('smtpEml.preview', labels.documentTitle(path.basename(document.fileName)), { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: true,
      // The page loads nothing from disk or network: its scripts are inline (by nonce).
      localResourceRoots: [],
    });
    this.pageScript = readFileSync(path.join(context.extensionPath, 'dist', 'previewView.js'), 'utf8');
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m), undefined, this.disposables);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isSource(e.document)) {
          this.document = e.document;
          this.schedule();
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.isSource(e.textEditor.document)) return;
        this.document = e.textEditor.document;
        this.sourceColumn = e.textEditor.viewColumn ?? this.sourceColumn;
        this.cursor = this.document.offsetAt(e.selections[0].active);
        // In an mbox or a transcript the cursor chooses the message.
        const located = this.located;
        if (located && (this.cursor < located.offset || this.cursor > located.end) && kindOf(this.document) !== 'eml') this.schedule();
        else void this.panel.webview.postMessage({ type: 'highlight', offset: this.cursor });
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.document.uri.toString())) this.schedule();
      }),
    );
    this.panel.webview.html = this.page(this.render());
  }

  /** dist/previewView.js, inlined so that the page makes no request at all. */
  private readonly pageScript: string;

  /** True for the document this preview follows (the same URI; VS Code may hand a new object after the document was closed and reopened). */
  private isSource(document: vscode.TextDocument): boolean {
    return document.uri.toString() === this.document.uri.toString();
  }

  reveal(column: vscode.ViewColumn): void {
    this.panel.reveal(column, true);
  }

  /** Renders the message under the cursor; the sections are what the page shows. */
  private render(): RenderedSection[] {
    const kind = kindOf(this.document) ?? 'eml';
    const text = this.document.getText();
    const located = messageAt(kind, text, this.cursor);
    if (this.located && located && this.located.offset !== located.offset) this.allowRemote = false; // per message
    this.located = located;
    if (!located) {
      const note = vscode.l10n.t('This transcript has no DATA with a recorded message yet.');
      return [{ key: 'none', html: `<p class="no-body">${escapeHtml(note)}</p>` }];
    }
    const preview = buildPreview(located, { allowRemote: this.allowRemote, maxDepth: vscode.workspace.getConfiguration('smtpEml', this.document).get<number>('validation.maxDepth') });
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(this.document.uri)) {
      const at = this.document.offsetAt(d.range.start);
      if (at < located.offset || at > located.end) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    return renderSections(preview, { language: this.language, mode: 'webview', problems: { errors, warnings } });
  }

  /** The whole page (set once, and again when the CSP changes with the remote-content toggle). */
  private page(sections: RenderedSection[]): string {
    const nonce = randomBytes(16).toString('base64');
    const remote = this.allowRemote ? ' https: http:' : '';
    const csp = [
      "default-src 'none'",
      `img-src data:${remote}`,
      `style-src 'unsafe-inline'${remote}`,
      `font-src data:${remote}`,
      `script-src 'nonce-${nonce}'`,
      "form-action 'none'",
      "base-uri 'none'",
    ].join('; ');
    const dir = bundleFor(this.language).dir;
    const body = sections.map((s) => `<div class="section" data-key="${escapeHtml(s.key)}">${s.html}</div>`).join('');
    return (
      `<!DOCTYPE html><html lang="${this.language}" dir="${dir}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">` +
      `<meta name="referrer" content="no-referrer"><style>${PREVIEW_CSS}</style></head>` +
      `<body data-remote="${this.allowRemote}"><main id="preview" class="message">${body}</main>` +
      // The messaging script first: it records each section's HTML before VIEW_SCRIPT marks the frames and rewrites the dates.
      `<script nonce="${nonce}">${this.pageScript.replace(/<\/script/gi, '<\\/script')}</script><script nonce="${nonce}">${VIEW_SCRIPT}</script></body></html>`
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.disposed) return;
      const sections = this.render();
      void this.panel.webview.postMessage({ type: 'update', sections, highlight: this.cursor });
    }, DEBOUNCE_MS);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'reveal': {
        // The document may have been closed since (the preview stays): open it again.
        if (this.document.isClosed) this.document = await vscode.workspace.openTextDocument(this.document.uri);
        const start = this.document.positionAt(Math.max(0, m.offset));
        const end = this.document.positionAt(Math.max(m.offset, m.end));
        const editor = await vscode.window.showTextDocument(this.document, {
          viewColumn: this.sourceColumn ?? vscode.ViewColumn.One,
          preserveFocus: false,
          selection: new vscode.Range(start, start),
        });
        editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'link': {
        // Only web and mail addresses; VS Code asks before it opens an untrusted domain.
        if (!/^(https?:|mailto:)/i.test(m.href)) return;
        await vscode.env.openExternal(vscode.Uri.parse(m.href, true));
        return;
      }
      case 'remote':
        this.allowRemote = !this.allowRemote;
        this.panel.webview.html = this.page(this.render());
        return;
      case 'problems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
      case 'open':
      case 'save':
        await this.openOrSave(m.type, String(m.path));
        return;
    }
  }

  private async openOrSave(action: 'open' | 'save', partPath: string): Promise<void> {
    const located = this.located;
    if (!located) return;
    const address = { uri: this.document.uri.toString(), at: located.offset, path: partPath };
    // Opened beside the preview, in its group, so the source editor stays where it is.
    if (action === 'open') await this.parts.open(address, this.panel.viewColumn);
    else await this.parts.saveAs(address);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
    this.onDispose();
  }
}
