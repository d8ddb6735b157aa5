"""Names vulture cannot see used: called by Qt, reportlab, openpyxl, Alembic or pytest, or read by people.

`make check` runs ``vulture counsel_desk tests vulture_whitelist.py``. Add a name here only with the
reason it is used; dead code is deleted instead.
"""

_ = object()

# Qt calls these virtual methods on our subclasses (paint, size, drag and drop, item editors).
_.sizeHint
_.paintEvent
_.eventFilter  # the idle lock watches events; ui/empty_state.py watches a view's viewport
_.dragMoveEvent
_.dropEvent
_.createEditor
# openpyxl's WorksheetWriter calls get_stream() on our subclass (sync/sheet_xml.py).
_.get_stream
# Python calls a module's __getattr__ for names it lacks (the lazy sync/__init__.py).
_.__getattr__

# Alembic reads these module globals of every migration; downgrade() is its interface.
_.down_revision
_.branch_labels
_.depends_on
_.downgrade
_.parent_names  # Alembic's include_name(name, type_, parent_names) signature

# reportlab and openpyxl objects configured by setting their attributes.
_.hAlign
_.majorGridlines
_.showVal
_.showCatName
_.showLegendKey
_.showSerName
_.valueMin
_.valueMax
_.fontName
_.fontSize
_.labelTextFormat
_.strokeColor
_.visibleGrid
_.gridStrokeColor
_.gridStrokeWidth
_.categoryNames
_.boxAnchor
_.fillColor
_.strokeWidth
_.barWidth
_.groupSpacing
_.barLabelFormat
_.alignment
_.compress_type
_.fitToHeight
_.fitToPage
_.horizontalCentered
_.avail_width  # reportlab's Flowable.wrap/split(avail_width, avail_height) signature
_.last_col

# Enum members and table columns: stored codes and fields read back from the database or the workbook.
_.NORTH
_.CENTRAL
_.SOUTH
_.EAST
_.TRAINING
_.MATCHING
_.EVENT
_.RENOVATING
_.OPERATING
_.LEARNING
_.PROMOTION
_.SHOWCASE  # EventKind and OutcomeKind members are read as codes from the database and workbooks
_.MATCHMAKING
_.WORKSHOP
_.tied_to  # OutcomeRow fields shown by the outcomes page (ui/outcomes/)
_.local_version
_.merged_at
_.source_device
_.local_values
_.remote_values
_.resolved_by
_.resolved_at
_.journal_mode
_.loaded_at
_.loaded_by
_.key_works
_.agency_count
_.award_programmes
_.refuse
_.PROGRAMME_SHEET_KEY  # the workbook's layout, declared beside META_SHEET_KEY
_.key_visit
_.approved_on
_.disbursed_on
_.reimbursed_on
_.LAND_USE  # the county checklist's items and statuses (CountyCheckItem, CheckStatus): stored codes
_.ENVIRONMENT
_.SUBSIDY_PAYMENT
_.MATCHING_FUNDS
_.PUBLIC_SPACE
_.SETTLED
_.NOT_APPLICABLE
_.FAIR  # the 評鑑 results other than GOOD (Evaluation): stored codes, offered in the budget panel
_.POOR
# The English enum labels: kept for i12-fit, who reworks enum labels this round.
_.labels_en

# Fields of plain results that a person reads (repr, reports, the smoke test), not code.
_.rule_message
_.made_on
_.town_code
_.proposal_title
_.masked_note
_.exported_by
_.app_version
_.compressed
_.inflated
_.sheets_with_formulas
_.KINDS
_.APP_TITLE_ZH  # read as text by installer/build.py
_.LONG_TEXT_SHEET_KEY  # the workbook's layout, declared beside META_SHEET_KEY
_.TITLE_ROW  # the workbook's layout: key row, title row, first data row
_.COLUMN_TITLES  # translation markers for lupdate

# Column and tab indexes declared together, a few not referred to by name.
_.TAB_TIMELINE
_.COL_ITEM
_.COL_UNIT
_.COL_VALUE
_.COL_BY
_.COL_PDF
_.COL_REVISION
_.COL_SENT
_.COL_XLSX
_.COL_DATE
_.COL_DUE
_.COL_OWNER
_.COL_STATUS
_.COL_EMAIL
_.COL_NAME
_.COL_PHONE

# Landed with issue 15 (periods the CLI will read) and the follow-ups page's "mine" way in; delete
# them if nothing calls them when those issues close.
_.parse_quarter
_.parse_year
_.show_mine
_.source_text  # issue 16's programme files: shown by the programme page being written
_.period_label
_.rule

# Kept alive by holding a reference (a running task, the table's context).
_.export_task
_._context

# pytest: autouse fixtures and module markers.
_._private_home
_.sync_engine  # tests/integration/conftest.py: the sync tests on both engines
_.pytestmark
_._no_error_boxes
_.no_blocking_boxes
_.frozen_audit_clock
_.zh_tw
_.encrypted_env  # @pytest.mark.usefixtures("encrypted_env")
_.memory_keyring  # @pytest.mark.usefixtures("memory_keyring")
_.yes_to_questions
# pytest: the engine matrix (tests/conftest.py) — hook, and fixtures asked for by name (request.getfixturevalue)
_.pytest_generate_tests
_.migrated_template
_.demo_template
_.pg_demo_template
_.__mapper_args__  # models.base.Synced: read by SQLAlchemy's declarative mapping
_.operating_since  # read by reports in SQL (figures_content.SPACE_STATUS_AT_END_SQL)
