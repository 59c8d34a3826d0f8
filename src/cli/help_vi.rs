//! The command line's help in Vietnamese, laid over the English of `args.rs` (which stays the one
//! definition of the arguments: only the words shown are replaced here).

use clap::builder::styling::Styles;
use clap::{Arg, Command};

/// The program's name, as clap names the top command.
const ROOT: &str = "steerdeck";

/// What the top command is (in English, the package's description).
const ABOUT: &str = "Ứng dụng trên cửa sổ dòng lệnh dành cho bộ phận giúp việc của Ban Chỉ đạo: \
                     kế hoạch, các thời hạn và phiên họp.";

/// What each command is: (name, short description, longer description when there is one).
const COMMANDS: &[(&str, &str, Option<&str>)] = &[
    ("list", "Liệt kê các nhiệm vụ, có lọc.", None),
    (
        "show",
        "Xem đầy đủ một nhiệm vụ, kèm lịch sử thay đổi.",
        None,
    ),
    (
        "set",
        "Đổi trạng thái, tiến độ hoặc ghi chú của một nhiệm vụ.",
        None,
    ),
    (
        "history",
        "Xem lịch sử thay đổi: của một nhiệm vụ hoặc của cả kế hoạch.",
        None,
    ),
    (
        "import",
        "Nhập một kế hoạch (CSV theo mẫu phụ lục, hoặc TOML/JSON của steerdeck); kế hoạch này \
         trở thành kế hoạch đang dùng.",
        None,
    ),
    (
        "export",
        "Xuất kế hoạch, hoặc soạn văn bản: bảng tổng hợp Excel, thông báo kết luận cuộc họp, báo \
         cáo tiến độ.",
        None,
    ),
    (
        "serve",
        "Chạy máy chủ quản lý kho dữ liệu (--db) để nhiều phiên cùng dùng một lúc.",
        Some(
            "Chạy máy chủ quản lý kho dữ liệu (--db) để nhiều phiên cùng dùng một lúc.\n\n\
             Khi chưa có máy chủ nào chạy, phiên làm việc tự khởi động một máy chủ (máy chủ này \
             tự dừng 3 giây sau khi phiên cuối cùng kết thúc); với kho dữ liệu dùng chung, hãy tự \
             chạy máy chủ dưới systemd. Mã thoát: 0 sau SIGTERM, SIGINT, SIGHUP hoặc khi hết thời \
             gian chờ; 3 khi đã có máy chủ chạy cho kho dữ liệu này; 4 khi một tiến trình khác \
             đang giữ kho dữ liệu.",
        ),
    ),
    (
        "targets",
        "Các chỉ tiêu định lượng của kế hoạch: chỉ tiêu, số liệu năm trước, số liệu mới nhất, \
         đã đạt hay chưa; `targets set` ghi một số liệu.",
        None,
    ),
    ("targets set", "Ghi một số liệu đo được của chỉ tiêu.", None),
    (
        "targets withdraw",
        "Rút một số liệu đã ghi (số thứ tự N theo `targets show`); số liệu vẫn còn trong lịch \
         sử thay đổi.",
        None,
    ),
    (
        "targets show",
        "Xem một chỉ tiêu cùng mọi số liệu đã ghi.",
        None,
    ),
    (
        "meeting",
        "Các cuộc họp: tạo, liệt kê, xem một cuộc họp; chương trình họp, kết luận và nhiệm vụ \
         giao.",
        None,
    ),
    (
        "meeting new",
        "Tạo một cuộc họp, với chương trình họp đề xuất từ kế hoạch tính đến ngày họp.",
        None,
    ),
    ("meeting list", "Liệt kê các cuộc họp.", None),
    (
        "meeting show",
        "Xem một cuộc họp: chương trình, kết luận, nhiệm vụ giao, số liệu lưu khi kết thúc.",
        None,
    ),
    (
        "meeting agenda",
        "Sửa chương trình họp: thêm, bỏ, hoặc sắp lại thứ tự các nội dung.",
        None,
    ),
    (
        "meeting open",
        "Bắt đầu cuộc họp: các thay đổi trạng thái trong lúc họp được gắn với cuộc họp.",
        None,
    ),
    (
        "meeting close",
        "Kết thúc cuộc họp: biên bản và số liệu tính đến ngày họp được lưu lại.",
        None,
    ),
    (
        "meeting reopen",
        "Mở lại một cuộc họp đã kết thúc để sửa biên bản (được ghi vào lịch sử thay đổi).",
        None,
    ),
    (
        "meeting conclude",
        "Ghi kết luận của Ban Chỉ đạo về một nội dung họp (nội dung trống thì xóa kết luận).",
        None,
    ),
    (
        "meeting assign",
        "Giao một nhiệm vụ tại cuộc họp (được theo dõi như các nhiệm vụ của kế hoạch).",
        None,
    ),
    (
        "changes",
        "Những gì đã thay đổi kể từ một ngày hoặc từ cuộc họp trước (trạng thái, tiến độ, ghi \
         chú, chỉ tiêu, nhiệm vụ giao), theo từng nhiệm vụ.",
        None,
    ),
    (
        "summary",
        "Tổng hợp tình hình: số nhiệm vụ theo nhóm và theo đơn vị chủ trì, các nhiệm vụ đến hạn \
         trong 30 ngày tới, các chỉ tiêu.",
        None,
    ),
    (
        "plans",
        "Liệt kê các kế hoạch trong kho dữ liệu; với --activate, chọn kế hoạch đang dùng.",
        None,
    ),
    (
        "backup",
        "Ghi một bản sao nhất quán của toàn bộ kho dữ liệu ra tệp (an toàn cả khi máy chủ đang \
         chạy).",
        None,
    ),
    (
        "restore",
        "Tạo kho dữ liệu mới (--db, một thư mục chưa có kho dữ liệu) từ một tệp sao lưu.",
        None,
    ),
    (
        "doctor",
        "Kiểm tra kho dữ liệu (--db) mà không thay đổi gì: đọc từng mục, đối chiếu các chỉ mục.",
        None,
    ),
    (
        "completions",
        "In đoạn mã tự hoàn thành lệnh cho shell (ví dụ `steerdeck completions bash > \
         /etc/bash_completion.d/steerdeck`).",
        None,
    ),
    (
        "man",
        "In trang hướng dẫn (roff), ví dụ `steerdeck man > steerdeck.1`.",
        None,
    ),
];

/// What each argument is: (command, argument id, help). The options of the top command are
/// global: they are found under [`ROOT`] wherever they appear.
const ARGS: &[(&str, &str, &str)] = &[
    (
        ROOT,
        "db",
        "Thư mục kho dữ liệu [mặc định: `$STEERDECK_DB`, nếu không có thì thư mục dữ liệu của hệ \
         điều hành].",
    ),
    (
        ROOT,
        "as_of",
        "Xem xét tính đến ngày này (YYYY-MM-DD hoặc dd/mm/yyyy) thay cho ngày hôm nay.",
    ),
    (
        ROOT,
        "user",
        "Tên ghi vào lịch sử thay đổi [mặc định: tên đăng nhập của bạn]. Tên đăng nhập cũng được \
         ghi lại.",
    ),
    (
        ROOT,
        "lang",
        "Ngôn ngữ giao diện: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh) [biến môi trường: \
         STEERDECK_LANG].",
    ),
    (
        ROOT,
        "zone",
        "Múi giờ dùng để hiển thị thời gian, viết dưới dạng độ lệch (\"+07:00\") [mặc định: múi \
         giờ của máy này; biến môi trường: STEERDECK_ZONE].",
    ),
    (
        ROOT,
        "plan",
        "Kế hoạch làm việc [mặc định: kế hoạch đang dùng].",
    ),
    (
        ROOT,
        "read_only",
        "Chỉ xem, không sửa: từ chối mọi thay đổi.",
    ),
    (
        ROOT,
        "keymap",
        "Tên bộ phím tắt có sẵn (trong keymaps/) hoặc một tệp phím tắt.",
    ),
    (
        ROOT,
        "theme",
        "Màu sắc: auto (tự động; không màu khi có biến `NO_COLOR`), color (16 màu ANSI), mono \
         (không màu) [biến môi trường: STEERDECK_THEME].",
    ),
    (
        "list",
        "pillar",
        "Chỉ nhóm nhiệm vụ này: theo khóa (`data`), số La Mã (`IV`) hoặc tên, có dấu hay không \
         dấu đều được (\"du lieu so\"); dùng được nhiều lần.",
    ),
    (
        "list",
        "status",
        "Chỉ trạng thái này: not-started, in-progress, blocked, done, cancelled; dùng được nhiều \
         lần.",
    ),
    (
        "list",
        "lead",
        "Chỉ các nhiệm vụ do đơn vị này chủ trì (viết cách nào cũng được, có dấu hay không dấu).",
    ),
    (
        "list",
        "overdue",
        "Chỉ các nhiệm vụ chưa xong mà đã quá hạn.",
    ),
    (
        "list",
        "due_by",
        "Chỉ các nhiệm vụ chưa xong có thời hạn đến hết ngày này.",
    ),
    (
        "list",
        "quarter",
        "Chỉ các nhiệm vụ đến hạn trong quý này (ví dụ 2025-Q2, \"Quý II/2025\").",
    ),
    (
        "list",
        "funding",
        "Từ ngữ trong nguồn kinh phí (ví dụ \"ngan sach\").",
    ),
    (
        "list",
        "search",
        "Tìm gần đúng theo số thứ tự, tên nhiệm vụ, đơn vị và ghi chú, không cần gõ dấu.",
    ),
    (
        "list",
        "format",
        "Định dạng đầu ra: table (bảng căn cột, mặc định), json (mảng đối tượng), csv (CSV cho \
         Excel: có BOM UTF-8, tiêu đề cột theo ngôn ngữ giao diện, giá trị bằng chữ).",
    ),
    (
        "list",
        "semicolon",
        "CSV phân cách bằng dấu `;`, cho Excel đặt theo thiết lập vùng Việt Nam.",
    ),
    ("show", "id", "Số thứ tự của nhiệm vụ, ví dụ IV.5."),
    ("set", "id", "Số thứ tự của nhiệm vụ, ví dụ IV.5."),
    (
        "set",
        "status",
        "Trạng thái mới: not-started, in-progress, blocked, done, cancelled.",
    ),
    ("set", "progress", "Tiến độ mới, từ 0 đến 100."),
    ("set", "note", "Ghi chú hoặc kết luận cần ghi lại."),
    (
        "set",
        "done_on",
        "Cùng với --status done: ngày hoàn thành [mặc định: ngày xem xét (--as-of); không được \
         sau ngày đó].",
    ),
    (
        "set",
        "withdraw_note",
        "Rút ghi chú số N (theo số thứ tự `show` hiển thị); cùng với --note, nội dung mới sẽ đính \
         chính ghi chú đó. Bản gốc vẫn được giữ trong lịch sử thay đổi.",
    ),
    (
        "set",
        "if_status",
        "Chỉ thay đổi khi trạng thái hiện tại của nhiệm vụ đúng là trạng thái này (dùng trong \
         script: nếu khác thì báo xung đột, mã thoát 1).",
    ),
    (
        "set",
        "if_progress",
        "Chỉ thay đổi khi tiến độ hiện tại của nhiệm vụ đúng là số này (dùng trong script: nếu \
         khác thì báo xung đột, mã thoát 1).",
    ),
    (
        "history",
        "id",
        "Số thứ tự của nhiệm vụ; nếu không có, lịch sử của cả kế hoạch.",
    ),
    (
        "history",
        "format",
        "Định dạng đầu ra: table (bảng căn cột, mặc định), json (mảng các sự kiện).",
    ),
    ("import", "file", "Tệp cần nhập (.csv, .toml, .json)."),
    (
        "import",
        "format",
        "Nội dung in ra: text (các con số thống kê, mặc định) hoặc json (toàn bộ báo cáo: các số \
         thứ tự được thêm, sửa, xóa, khôi phục và các con số thống kê).",
    ),
    (
        "import",
        "verbose",
        "Kèm theo các con số thống kê là các số thứ tự được thêm, sửa và xóa.",
    ),
    (
        "export",
        "kind",
        "Nội dung cần xuất: plan (kế hoạch kèm các trạng thái, mặc định; json, csv), workbook \
         (bảng tổng hợp xlsx), minutes (thông báo kết luận cuộc họp; docx, md), report (báo cáo \
         tiến độ; md, docx; với --unit là văn bản nhắc việc gửi một đơn vị).",
    ),
    (
        "export",
        "format",
        "Định dạng [mặc định: theo phần mở rộng của --out, nếu không thì json cho kế hoạch, xlsx \
         cho bảng tổng hợp, docx cho thông báo kết luận, md cho báo cáo]: json (kế hoạch kèm các \
         trạng thái đã ghi nhận; `import` đọc lại được đầy đủ), csv (kế hoạch trình bày như phụ \
         lục, cho Excel), md (Markdown), docx (Word), xlsx (Excel).",
    ),
    (
        "export",
        "out",
        "Ghi ra tệp này thay cho đầu ra chuẩn (bắt buộc với docx và xlsx).",
    ),
    ("export", "force", "Ghi đè lên --out nếu tệp đã có."),
    (
        "summary",
        "format",
        "Định dạng đầu ra: table (các bảng căn cột, mặc định), json (một đối tượng với mọi con số, \
         dùng mã và số cho chương trình).",
    ),
    (
        "export",
        "semicolon",
        "CSV phân cách bằng dấu `;`, cho Excel đặt theo thiết lập vùng Việt Nam.",
    ),
    (
        "export",
        "meeting",
        "minutes: cuộc họp (H1, H2 ...) [mặc định: cuộc họp gần nhất].",
    ),
    (
        "export",
        "unit",
        "report: văn bản nhắc việc gửi đơn vị này (nhiệm vụ quá hạn, sắp đến hạn, nhiệm vụ được \
         giao tại cuộc họp chưa hoàn thành).",
    ),
    (
        "export",
        "since",
        "report, workbook: những thay đổi từ ngày này [mặc định: ngày cuộc họp gần nhất trước \
         ngày xem xét].",
    ),
    (
        "serve",
        "idle_exit",
        "Dừng sau chừng này giây không có phiên nào kết nối.",
    ),
    (
        "serve",
        "no_seed",
        "Để trống kho dữ liệu mới thay vì nạp sẵn kế hoạch năm 2025 có trong chương trình (để \
         nhập kế hoạch của riêng bạn trước).",
    ),
    (
        "serve",
        "idle_conn",
        "Đóng kết nối không gửi gì trong chừng này giây [mặc định: 900]; phiên làm việc tự kết \
         nối lại.",
    ),
    (
        "serve",
        "max_conns",
        "Phục vụ đồng thời tối đa chừng này kết nối [mặc định: 256]; kết nối vượt quá sẽ bị từ \
         chối kèm lời giải thích.",
    ),
    (
        "plans",
        "activate",
        "Đặt kế hoạch này làm kế hoạch đang dùng.",
    ),
    ("backup", "out", "Tệp sao lưu cần ghi."),
    ("targets set", "id", "Số hiệu chỉ tiêu, ví dụ T.2."),
    (
        "targets set",
        "value",
        "Giá trị theo phần trăm: 81,5 hoặc 81.5.",
    ),
    (
        "targets set",
        "measured_on",
        "Ngày tính số liệu [mặc định: ngày xem xét (--as-of)].",
    ),
    ("targets set", "note", "Nguồn của số liệu."),
    ("targets withdraw", "id", "Số hiệu chỉ tiêu."),
    (
        "targets withdraw",
        "number",
        "Số thứ tự của số liệu, 1 là số liệu ghi đầu tiên.",
    ),
    ("targets show", "id", "Số hiệu chỉ tiêu."),
    (
        "meeting new",
        "date",
        "Ngày họp (dd/mm/yyyy hoặc yyyy-mm-dd) [mặc định: ngày xem xét (--as-of)].",
    ),
    (
        "meeting new",
        "title",
        "Tên cuộc họp [mặc định: \"Họp Ban Chỉ đạo\"].",
    ),
    ("meeting new", "chair", "Người chủ trì."),
    (
        "meeting new",
        "attendee",
        "Thành phần dự họp; dùng được nhiều lần.",
    ),
    (
        "meeting new",
        "no_agenda",
        "Bắt đầu với chương trình họp trống thay cho chương trình đề xuất.",
    ),
    (
        "meeting show",
        "id",
        "Số hiệu cuộc họp, ví dụ H1 [mặc định: cuộc họp gần nhất].",
    ),
    (
        "meeting show",
        "format",
        "Định dạng đầu ra: table (mặc định) hoặc json.",
    ),
    ("meeting agenda", "id", "Số hiệu cuộc họp."),
    (
        "meeting agenda",
        "add",
        "Thêm nhiệm vụ này vào cuối chương trình; dùng được nhiều lần.",
    ),
    (
        "meeting agenda",
        "drop",
        "Bỏ nhiệm vụ này khỏi chương trình; dùng được nhiều lần.",
    ),
    (
        "meeting agenda",
        "order",
        "Toàn bộ thứ tự, các số hiệu cách nhau bằng dấu phẩy (nội dung không có trong danh sách \
         bị bỏ).",
    ),
    ("meeting open", "id", "Số hiệu cuộc họp."),
    ("meeting close", "id", "Số hiệu cuộc họp."),
    ("meeting reopen", "id", "Số hiệu cuộc họp."),
    ("meeting conclude", "id", "Số hiệu cuộc họp."),
    (
        "meeting conclude",
        "task",
        "Số thứ tự của nhiệm vụ là nội dung họp.",
    ),
    ("meeting conclude", "text", "Nội dung kết luận."),
    ("meeting assign", "id", "Số hiệu cuộc họp."),
    ("meeting assign", "title", "Nội dung công việc."),
    (
        "meeting assign",
        "about",
        "Nội dung họp (số thứ tự nhiệm vụ) mà nhiệm vụ này được giao kèm theo.",
    ),
    (
        "meeting assign",
        "lead",
        "Đơn vị chủ trì; dùng được nhiều lần.",
    ),
    (
        "meeting assign",
        "support",
        "Đơn vị phối hợp; dùng được nhiều lần.",
    ),
    (
        "meeting assign",
        "deadline",
        "Thời hạn viết như thường viết: \"Quý III/2025\", \"Trước 30/9/2025\", \"Tháng 8/2025\".",
    ),
    (
        "changes",
        "since",
        "Một ngày (dd/mm/yyyy hoặc yyyy-mm-dd), hoặc `last-meeting` (khi cuộc họp gần nhất trước \
         ngày xem xét kết thúc).",
    ),
    (
        "changes",
        "format",
        "Định dạng đầu ra: table (mặc định) hoặc json (mảng các sự kiện).",
    ),
    ("restore", "file", "Tệp do `steerdeck backup` ghi ra."),
    (
        "completions",
        "shell",
        "Loại shell: bash, elvish, fish, powershell, zsh.",
    ),
];

/// What clap adds by itself to every command.
const HELP_SHORT: &str = "In trợ giúp";
const HELP_SEE_MORE: &str = "In trợ giúp (xem đầy đủ với '--help')";
const HELP_SEE_SUMMARY: &str = "In trợ giúp (xem bản tóm tắt với '-h')";
const VERSION: &str = "In số phiên bản";
const HELP_COMMAND: &str = "In trợ giúp này hoặc trợ giúp của (các) lệnh đã cho";
const HELP_COMMAND_ARG: &str = "In trợ giúp của (các) lệnh này";

/// The headings.
const USAGE: &str = "Cách dùng:";
const OPTIONS: &str = "Tùy chọn";
const ARGUMENTS: &str = "Đối số";
const COMMANDS_HEADING: &str = "Lệnh";
const COMMAND_PLACEHOLDER: &str = "LỆNH";

/// The Vietnamese description of a command (the top one is [`ROOT`]).
pub fn about(command: &str) -> Option<(&'static str, Option<&'static str>)> {
    if command == ROOT {
        return Some((ABOUT, None));
    }
    COMMANDS
        .iter()
        .find(|(name, _, _)| *name == command)
        .map(|(_, about, long)| (*about, *long))
}

/// The Vietnamese help of an argument of `command` (a global one is found under [`ROOT`]).
pub fn arg_help(command: &str, id: &str) -> Option<&'static str> {
    let find = |c: &str| {
        ARGS.iter()
            .find(|(cmd, arg, _)| *cmd == c && *arg == id)
            .map(|(_, _, help)| *help)
    };
    find(command).or_else(|| find(ROOT))
}

/// `cmd` (the whole command line, not yet built) with its help in Vietnamese.
pub fn localize(mut cmd: Command) -> Command {
    // Built first, so that what clap adds by itself (--help, --version, the `help` command, the
    // global options copied into each command) is there to be translated too.
    cmd.build();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{style}{USAGE}{style:#} {{usage}}\n\n\
         {{all-args}}{{after-help}}",
        style = Styles::default().get_usage()
    );
    localize_command(cmd, &template, false, None)
}

/// The key of a command in [`COMMANDS`] and [`ARGS`]: its name under the top command, "parent
/// name" under another one (`meeting list` is not `list`).
fn key(parent: Option<&str>, name: &str) -> String {
    match parent {
        Some(p) if p != ROOT => format!("{p} {name}"),
        _ => name.to_string(),
    }
}

/// One command and those under it; `under_help` for the copies clap puts under `help`.
fn localize_command(
    cmd: Command,
    template: &str,
    under_help: bool,
    parent: Option<&str>,
) -> Command {
    let leaf = cmd.get_name().to_string();
    let name = key(parent, &leaf);
    let is_help = leaf == "help" && about(&name).is_none();
    let mut cmd = if is_help && !under_help {
        cmd.about(HELP_COMMAND)
    } else if let Some((short, long)) = about(&name) {
        cmd.about(short.trim_end_matches('.')).long_about(long)
    } else if under_help {
        cmd.about(HELP_COMMAND)
    } else {
        cmd
    };
    let usage = cmd
        .render_usage()
        .to_string()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", &format!("[{}]", OPTIONS.to_uppercase()))
        .replace("[COMMAND]", &format!("[{COMMAND_PLACEHOLDER}]"))
        .replace("<COMMAND>", &format!("<{COMMAND_PLACEHOLDER}>"));
    cmd = cmd
        .override_usage(usage)
        .help_template(template.to_string())
        .subcommand_help_heading(COMMANDS_HEADING)
        .subcommand_value_name(COMMAND_PLACEHOLDER)
        .mut_args(|arg| localize_arg(&name, is_help || under_help, arg));
    let under = under_help || is_help;
    for sub in cmd.get_subcommands_mut() {
        let taken = std::mem::replace(sub, Command::new(""));
        *sub = localize_command(taken, template, under, Some(&name));
    }
    cmd
}

/// One argument of `command`.
fn localize_arg(command: &str, in_help_command: bool, arg: Arg) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    let arg = arg
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true);
    match id.as_str() {
        "help" if arg.get_long_help().is_some() => {
            arg.help(HELP_SEE_MORE).long_help(HELP_SEE_SUMMARY)
        }
        "help" => arg.help(HELP_SHORT),
        "version" => arg.help(VERSION),
        "subcommand" if in_help_command => {
            arg.help(HELP_COMMAND_ARG).value_name(COMMAND_PLACEHOLDER)
        }
        _ => match arg_help(command, &id) {
            Some(help) => arg.help(help.trim_end_matches('.')).long_help(None::<&str>),
            None => arg,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and argument the derive defines, as (command, argument id or None).
    fn everything() -> Vec<(String, Option<String>)> {
        fn walk(cmd: &Command, parent: Option<&str>, out: &mut Vec<(String, Option<String>)>) {
            let name = key(parent, cmd.get_name());
            out.push((name.clone(), None));
            for arg in cmd.get_arguments() {
                out.push((name.clone(), Some(arg.get_id().to_string())));
            }
            for sub in cmd.get_subcommands() {
                walk(sub, Some(&name), out);
            }
        }
        let mut out = Vec::new();
        walk(&crate::cli::Cli::command(), None, &mut out);
        out
    }

    #[test]
    fn every_command_and_argument_has_vietnamese_help() {
        let missing: Vec<_> = everything()
            .into_iter()
            .filter(|(cmd, arg)| match arg {
                None => about(cmd).is_none(),
                Some(id) => arg_help(cmd, id).is_none(),
            })
            .collect();
        assert!(
            missing.is_empty(),
            "without Vietnamese help (add them to help_vi.rs): {missing:?}"
        );
    }

    #[test]
    fn no_vietnamese_help_for_what_does_not_exist() {
        let all = everything();
        for (name, _, _) in COMMANDS {
            assert!(all.iter().any(|(c, a)| c == name && a.is_none()), "{name}");
        }
        for (cmd, id, _) in ARGS {
            assert!(
                all.iter()
                    .any(|(c, a)| c == cmd && a.as_deref() == Some(*id)),
                "{cmd} {id}"
            );
        }
    }

    #[test]
    fn the_built_command_has_no_english_help_left() {
        fn texts(cmd: &Command, out: &mut Vec<String>) {
            out.extend(
                cmd.get_about()
                    .map(|a| a.to_string().trim_end_matches('.').to_string()),
            );
            out.extend(cmd.get_long_about().map(ToString::to_string));
            for arg in cmd.get_arguments() {
                out.extend(
                    arg.get_help()
                        .map(|h| h.to_string().trim_end_matches('.').to_string()),
                );
                out.extend(arg.get_long_help().map(ToString::to_string));
            }
            for sub in cmd.get_subcommands() {
                texts(sub, out);
            }
        }
        let mut english = crate::cli::Cli::command();
        english.build();
        let vi = localize(crate::cli::Cli::command());
        let (mut en, mut vi_texts) = (Vec::new(), Vec::new());
        texts(&english, &mut en);
        texts(&vi, &mut vi_texts);
        assert!(!vi_texts.is_empty());
        let left: Vec<_> = vi_texts.iter().filter(|t| en.contains(t)).collect();
        assert!(left.is_empty(), "still in English: {left:?}");
    }

    #[test]
    fn the_vietnamese_is_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let all = COMMANDS
            .iter()
            .flat_map(|(_, a, l)| [Some(*a), *l])
            .flatten()
            .chain(ARGS.iter().map(|(_, _, h)| *h))
            .chain([ABOUT, HELP_SHORT, HELP_SEE_MORE, HELP_SEE_SUMMARY, VERSION]);
        for text in all {
            assert_eq!(text.nfc().collect::<String>(), text);
        }
    }
}
