"""The editor's main window: composes the slide list, the slide viewer, the edit panel, the
preflight dock, the find bar and the status bar, and wires actions to the workflows.

It computes nothing: edits go through document.edit_requests (inside the widgets and workflows),
files through FileWorkflow, slides through SlideWorkflow. It is built in two steps so that it can
be on screen before the essay model loads (issue #5): the frame (title, menu titles, status bar,
an outline of the essay) from a light import, then `install` with the document and the widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from photoessay_desktop.domain.essay_name import ESSAY_SUFFIX
from photoessay_desktop.ui.editor_menus import add_menu_titles, fill_recent_menu
from photoessay_desktop.ui.essay_outline_view import DEFAULT_PANE_WIDTHS, PANE_STRETCH
from photoessay_desktop.ui.preflight_dock import DOCK_HEIGHT, PreflightDock, dock_place

if TYPE_CHECKING:
    from photoessay_desktop.document.essay_document import EssayDocument
    from photoessay_desktop.document.image_facts_cache import ImageFactsCache
    from photoessay_desktop.document.preflight_runner import PreflightRunner
    from photoessay_desktop.document.text_search import Match
    from photoessay_desktop.qt_models.slide_list_model import SlideListModel
    from photoessay_desktop.ui.editor_services import EditorServices

APP_NAME = "PhotoEssay"


def window_title(essay_name: str) -> str:
    """The title of a window editing the essay called `essay_name` ([*]: Qt's modified marker)."""
    return f"{essay_name}[*] — {APP_NAME}"


class MainWindow(QMainWindow):
    """One window editing one EssayDocument."""

    def __init__(self, icon: QIcon | None = None) -> None:
        """The frame alone: what the window shows before `install` gives it an essay."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName("PhotoEssay editor")
        if icon is not None:
            self.setWindowIcon(icon)
        self._installed = False
        self._dock_place: QDockWidget | None = None
        # The menu bar and the status bar are there from the first frame, so that nothing moves
        # when the editor fills them in.
        self.menus = add_menu_titles(self.menuBar())
        self.statusBar()

    @property
    def installed(self) -> bool:
        """Whether the editor is built in this window (`install` has run)."""
        return self._installed

    def show_opening(
        self,
        view: QWidget,
        essay_name: str,
        findings_panel: bool,
        window_state: QByteArray | None = None,
    ) -> None:
        """Show `view` until `install`: an outline of the essay being opened, with a stand-in for
        the findings panel and the panels as the user left them (`window_state`: saveState() of
        the last editor window), or, before the start page, without a findings panel."""
        self.setCentralWidget(view)
        self.setWindowTitle(window_title(essay_name))
        if findings_panel:
            self._dock_place = dock_place(self)
            if window_state is not None:
                self.restoreState(window_state)

    def install(
        self,
        document: EssayDocument,
        facts: ImageFactsCache,
        preflight: PreflightRunner,
        model: SlideListModel,
        services: EditorServices,
    ) -> None:
        """Build the editor in this window around `document`; once, before the essay opens."""
        # Imported here, not at the top: the frame is on screen while these (and pydantic, which
        # they bring) load.
        from photoessay_desktop.ui.edit_panel import EditPanel
        from photoessay_desktop.ui.editor_actions import EditorActions
        from photoessay_desktop.ui.editor_menus import fill_menus
        from photoessay_desktop.ui.export_workflow import ExportWorkflow
        from photoessay_desktop.ui.file_workflow import FileWorkflow
        from photoessay_desktop.ui.find_bar import FindBar
        from photoessay_desktop.ui.reliability_controller import ReliabilityController
        from photoessay_desktop.ui.remote_photos_banner import RemotePhotosBanner
        from photoessay_desktop.ui.remote_photos_workflow import RemotePhotosWorkflow
        from photoessay_desktop.ui.slide_list_view import SlideListView
        from photoessay_desktop.ui.slide_status import SlideStatus
        from photoessay_desktop.ui.slide_viewer import SlideViewer
        from photoessay_desktop.ui.slide_workflow import SlideWorkflow
        from photoessay_desktop.ui.slideshow.slideshow_workflow import SlideshowWorkflow
        from photoessay_desktop.ui.start_page import StartPage
        from photoessay_desktop.ui.undo_actions import RevealingUndo
        from photoessay_desktop.ui.window_layout import restore_layout

        assert not self._installed, "an editor window is installed once"
        self.setAcceptDrops(True)
        self.document = document
        self.facts = facts
        self.preflight = preflight
        self.model = model
        self._services = services

        self.slide_list = SlideListView(model, self)
        self.viewer = SlideViewer(document, model, services.images, self)
        self.edit_panel = EditPanel(document, self)
        self.find_bar = FindBar(document, self)
        self.find_bar.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        panes = (self.slide_list, self.viewer, self.edit_panel)
        for pane, stretch in zip(panes, PANE_STRETCH, strict=True):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.indexOf(pane), stretch)
        self.splitter.setSizes(list(DEFAULT_PANE_WIDTHS))
        editor_page = QWidget(self)
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(0)
        editor_layout.addWidget(self.find_bar)
        self.remote_banner = RemotePhotosBanner(editor_page)
        editor_layout.addWidget(self.remote_banner)
        editor_layout.addWidget(self.splitter, 1)
        self.editor_page = editor_page
        self.start_page = StartPage(services.samples, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(editor_page)
        self.setCentralWidget(self.pages)  # the opening outline goes
        # Widgets made for a window already on screen wait to be shown: the layout must count them.
        self.pages.show()

        if self._dock_place is not None:  # the opening frame's stand-in
            self._dock_place.setObjectName("")  # restoreState below must find the real one
            self.removeDockWidget(self._dock_place)
            self._dock_place.deleteLater()
            self._dock_place = None
        self.preflight_dock = PreflightDock(preflight, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.preflight_dock)
        self.status = SlideStatus(document, facts, self)
        self.statusBar().addPermanentWidget(self.status)

        self.files = FileWorkflow(
            self, document, services.files, services.dialogs, services.prompts, services.preferences
        )
        self.slides = SlideWorkflow(
            self,
            document,
            self.slide_list,
            facts,
            services.photo_text,
            services.dialogs,
            services.prompts,
        )
        self.exports = (
            None
            if services.export is None
            else ExportWorkflow(
                self,
                document,
                preflight,
                services.export,
                self._show_findings,
                services.choose_export_target,
            )
        )
        self.remote_photos = RemotePhotosWorkflow(
            self.remote_banner,
            document,
            model,
            services.remote_permissions,
            services.allow_remote_hosts,
            self,
        )
        self.files.article_imported.connect(self.remote_photos.allow_essay_hosts)
        self.reliability = ReliabilityController(
            self,
            document,
            self.files,
            services.files,
            services.prompts,
            autosave_store=services.autosave,
            autosave_seconds=services.preferences.load().autosave_seconds,
            recovery=services.recovery,
            questions=services.reliability_prompts,
        )
        self.actions_ = EditorActions(self)
        self.undo = RevealingUndo(document, self.slide_list, self)
        self.undo_action, self.redo_action = self.undo.undo_action, self.undo.redo_action
        fill_menus(
            self.menus,
            self.actions_,
            self.undo_action,
            self.redo_action,
            self.preflight_dock.toggleViewAction(),
        )
        self.slide_list.addAction(self.actions_.delete)
        self.slideshow = SlideshowWorkflow(
            self,
            document,
            self.slide_list.current_row,
            self._select_row,
            services.images,
            services.preferences,
        )
        self.slideshow.add_to(self.menus["view"])
        self._wire()
        self._refresh_recent(self.files.recent_files)
        self._update_title()
        self._update_actions()
        self.preflight_dock.show()  # (as the pages) unless the stored layout hides it
        self.resizeDocks([self.preflight_dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
        # A window already on screen (its opening frame) is where the user sees it, perhaps moved
        # since: only its panels are restored.
        shown = self.isVisible()
        restored = restore_layout(self, self.splitter, services.preferences, geometry=not shown)
        if not restored and not shown:
            self.default_size()
        self._dock_wanted = not self.preflight_dock.isHidden()
        self.statusBar().clearMessage()  # the opening frame's "Opening…"
        self._installed = True

    # -- composition -------------------------------------------------------------------------------
    def _wire(self) -> None:
        a, files, slides = self.actions_, self.files, self.slides
        a.new.triggered.connect(files.new_essay)
        a.open.triggered.connect(lambda: files.open_essay())
        a.save.triggered.connect(files.save)
        a.save_as.triggered.connect(files.save_as)
        a.import_article.triggered.connect(files.import_article)
        a.close_essay.triggered.connect(files.close_essay)
        a.export.setVisible(self.exports is not None)
        if self.exports is not None:
            a.export.triggered.connect(self.exports.export)
        a.quit.triggered.connect(self.close)
        a.clear_recent.triggered.connect(files.clear_recent)
        a.find.triggered.connect(lambda: self.find_bar.open_find(replace=False))
        a.replace.triggered.connect(lambda: self.find_bar.open_find(replace=True))
        a.find_next.triggered.connect(self.find_bar.find_next)
        a.find_previous.triggered.connect(self.find_bar.find_previous)
        a.add_photos.triggered.connect(slides.add_photos)
        a.add_text_slide.triggered.connect(slides.add_text_slide)
        a.duplicate.triggered.connect(slides.duplicate)
        a.delete.triggered.connect(slides.delete)
        a.move_up.triggered.connect(slides.move_up)
        a.move_down.triggered.connect(slides.move_down)
        a.move_to.triggered.connect(slides.move_to_position)
        a.replace_photo.triggered.connect(lambda: slides.replace_photo())
        a.relink.triggered.connect(lambda: slides.relink())
        a.zoom_in.triggered.connect(self.viewer.photo.zoom_in)
        a.zoom_out.triggered.connect(self.viewer.photo.zoom_out)
        a.zoom_fit.triggered.connect(self.viewer.photo.fit)
        a.next_pane.triggered.connect(lambda: self._cycle_pane(1))
        a.previous_pane.triggered.connect(lambda: self._cycle_pane(-1))
        self.edit_panel.replace_photo_requested.connect(slides.replace_photo)
        self.edit_panel.relink_requested.connect(slides.relink)
        self.model.files_dropped.connect(self._on_files_dropped)
        self.slide_list.current_row_changed.connect(self._show_slide)
        self.slide_list.selection_changed.connect(self._update_actions)
        self.preflight_dock.finding_activated.connect(self._go_to_finding)
        self.find_bar.match_selected.connect(self._go_to_match)
        self.start_page.new_requested.connect(files.new_essay)
        self.start_page.open_requested.connect(lambda: files.open_essay())
        self.start_page.import_requested.connect(files.import_article)
        self.start_page.open_path_requested.connect(files.open_essay)
        files.editing_changed.connect(self._on_editing_changed)
        files.recent_changed.connect(self._refresh_recent)
        files.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        doc = self.document
        doc.modified_changed.connect(self._update_title)
        doc.path_changed.connect(self._update_title)
        doc.essay_changed.connect(self._update_title)
        doc.essay_replaced.connect(self._on_essay_replaced)
        for signal in (doc.slides_inserted, doc.slides_removed, doc.slides_moved):
            signal.connect(self._follow_current)

    def default_size(self) -> None:
        """The size of a first window, before the user has chosen one."""
        available = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1500, available.width() * 9 // 10), min(950, available.height() * 9 // 10))

    def menu(self, name: str) -> QMenu:
        """A top-level menu ("file", "edit", "slide", "view") for other features to extend."""
        return self.menus[name]

    # -- reactions ---------------------------------------------------------------------------------
    def _show_slide(self, row: int) -> None:
        self.viewer.show_slide(row)
        self.edit_panel.show_slide(row)
        self.status.show_slide(row)
        self._update_actions()

    def _follow_current(self, *_args: object) -> None:
        # The current slide may have moved or gone: show whatever is current now.
        self._show_slide(self.slide_list.current_row())

    def _on_essay_replaced(self) -> None:
        self._update_title()
        if self.document.essay.slides:
            self.slide_list.select_rows([0])
        self._show_slide(self.slide_list.current_row())

    def _on_editing_changed(self, editing: bool) -> None:
        if self.pages.currentWidget() is self.editor_page and not editing:
            # The start page has no findings to show; remember the user's choice for later.
            self._dock_wanted = self.preflight_dock.isVisible()
        self.pages.setCurrentWidget(self.editor_page if editing else self.start_page)
        self.preflight_dock.setVisible(editing and self._dock_wanted)
        for action in self.actions_.all():
            if action not in (self.actions_.new, self.actions_.open, self.actions_.quit):
                action.setEnabled(editing)
        self.actions_.import_article.setEnabled(True)
        self.actions_.clear_recent.setEnabled(bool(self.files.recent_files))
        if editing:
            self._update_actions()
            self.slide_list.setFocus()
        else:
            self.start_page.set_recent(self.files.recent_files)
            self.start_page.setFocus()

    def _update_actions(self) -> None:
        if not self.files.editing:
            return
        a = self.actions_
        rows = self.slide_list.selected_rows()
        count = len(self.document.essay.slides)
        for action in (a.duplicate, a.delete, a.move_to):
            action.setEnabled(bool(rows))
        a.move_up.setEnabled(bool(rows) and rows != list(range(len(rows))))
        a.move_down.setEnabled(bool(rows) and rows != list(range(count - len(rows), count)))
        current = self.slide_list.current_row()
        has_slide = 0 <= current < count
        a.replace_photo.setEnabled(has_slide)
        a.relink.setEnabled(has_slide and self.document.essay.slides[current].image is not None)

    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(window_title(self.document.display_name))
        self.setWindowModified(self.document.is_modified)

    def _refresh_recent(self, recent: list[str]) -> None:
        fill_recent_menu(
            self.menus["recent"], recent, self.files.open_essay, self.actions_.clear_recent
        )
        self.start_page.set_recent(recent)

    def _select_row(self, row: int) -> None:
        if 0 <= row < len(self.document.essay.slides):
            self.slide_list.select_rows([row])

    def _show_findings(self) -> None:
        # From the export dialog's "Fix findings first": open the panel on the first finding.
        self.preflight_dock.show()
        self._dock_wanted = True
        findings = self.preflight.findings
        if findings:
            first = findings[0]
            self._go_to_finding(-1 if first.slide is None else first.slide - 1, first.field or "")

    def _cycle_pane(self, step: int) -> None:
        # F6 / Shift+F6: the keyboard way between list, photo, edit panel and findings.
        panes = [self.slide_list, self.viewer.photo, self.edit_panel, self.preflight_dock.list]
        panes = [p for p in panes if p.isVisible()]
        focus = self.focusWidget()
        current = next(
            (
                i
                for i, p in enumerate(panes)
                if focus is not None and (p is focus or p.isAncestorOf(focus))
            ),
            -1,
        )
        target = panes[(current + step) % len(panes)]
        if target is self.edit_panel:
            self.edit_panel.focus_field(
                "caption" if self.edit_panel.currentIndex() == 0 else "title"
            )
        else:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def _go_to_finding(self, row: int, field: str) -> None:
        self._select_row(row)
        self.edit_panel.focus_field(field or ("caption" if row >= 0 else "title"))

    def _go_to_match(self, match: Match) -> None:
        if match.row is not None:
            self._select_row(match.row)
        self.edit_panel.focus_field(match.field, match.start, match.end)
        # Give focus back to the find field so Enter keeps stepping through the matches.
        QTimer.singleShot(0, self.find_bar.find_edit.setFocus)

    def _on_files_dropped(self, paths: list[str], row: int) -> None:
        self._open_or_add([Path(p) for p in paths], row)

    def _open_or_add(self, paths: list[Path], row: int) -> None:
        essays = [p for p in paths if p.name.endswith(ESSAY_SUFFIX)]
        if essays:
            self.files.open_essay(essays[0])
            return
        if not self.files.editing:
            self.files.new_essay()
        self.slides.add_files(paths, row)

    # -- Qt events -------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        if self._installed and data.hasUrls() and any(u.isLocalFile() for u in data.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            # After the drop returns: a modal prompt inside a drop handler blocks the drag source.
            QTimer.singleShot(0, lambda: self._open_or_add(paths, len(self.document.essay.slides)))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._installed:  # closed while still opening: nothing is edited yet
            event.accept()
            return
        from photoessay_desktop.ui.window_layout import save_layout

        if not self.files.confirm_discard():
            event.ignore()
            return
        save_layout(self, self.splitter, self._services.preferences)
        self.reliability.clean_close()
        event.accept()
