/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-window.c — the kiosk window: the language bar, the pages, and the
 * visitor's place in them.
 *
 * What the visitor is doing (the page, their ticket) lives here, not in
 * the pages, so that a language change can throw every page away and
 * build it again in the new language: every string on screen is then
 * translated anew, the layout mirrors for right-to-left languages, and
 * nothing the visitor did is lost.
 */

#define G_LOG_DOMAIN "lotsen-window"

#include "config.h"

#include "lotsen-activities-page.h"
#include "lotsen-activity.h"
#include "lotsen-activity-list-page.h"
#include "lotsen-attendance-page.h"
#include "lotsen-code-page.h"
#include "lotsen-consent-page.h"
#include "lotsen-export-page.h"
#include "lotsen-i18n.h"
#include "lotsen-language-bar.h"
#include "lotsen-my-signups-page.h"
#include "lotsen-pin-page.h"
#include "lotsen-queue.h"
#include "lotsen-queue-page.h"
#include "lotsen-register-page.h"
#include "lotsen-sign-in-page.h"
#include "lotsen-signup.h"
#include "lotsen-signup-page.h"
#include "lotsen-staff.h"
#include "lotsen-staff-page.h"
#include "lotsen-ticket-page.h"
#include "lotsen-visitor.h"
#include "lotsen-visitor-page.h"
#include "lotsen-welcome-page.h"
#include "lotsen-window.h"

#define DEFAULT_TICKET_SECONDS 30
#define DEFAULT_IDLE_TIMEOUT   90
#define DEFAULT_IDLE_WARNING   20

typedef enum {
  PIN_ENTER,   /* the staff PIN, to open staff mode */
  PIN_NEW,     /* a new PIN (the demo PIN must be changed) */
  PIN_REPEAT,  /* the new PIN once more */
} PinStage;

struct _LotsenWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;

  GtkWidget            *language_bar;
  GtkStack             *pages;

  LotsenStore          *store;
  GSettings            *settings;
  char                 *store_problem;
  char                 *moved_aside;
  char                 *default_language;

  /* The visitor at the screen: all of it is wiped when they leave. */
  char                 *page_name;
  gint64                ticket_id;
  LotsenVisitorDraft   *draft;            /* while registering */
  guint                 register_step;
  LotsenVisitor        *visitor;          /* signed in or just registered */
  gboolean              renewing_consent; /* a returning visitor meets a new consent text */
  GString              *typed_code;
  char                 *sign_in_message;
  LotsenCodeGate       *gate;
  char                 *after_sign_in;    /* the page to go on to once signed in */
  char                 *category;         /* What's on shows only this kind */
  LotsenSignupForm     *signup;           /* while signing up for a session */
  char                 *signup_message;
  gint64                confirm_cancel_id; /* a sign-up to cancel, once the visitor says yes */

  /* Staff */
  gboolean              staff_unlocked;
  PinStage              pin_stage;
  GString              *typed_pin;
  char                 *new_pin;
  char                 *pin_message;
  gint64                called_ticket_id;
  int                   desk;

  /* Leaving the kiosk alone: a warning, then a clean screen. */
  LotsenClock          *clock;
  gint64                last_activity;
  guint                 idle_tick_id;
  GtkWidget            *idle_warning;
  GtkLabel             *idle_countdown;
};

G_DEFINE_FINAL_TYPE (LotsenWindow, lotsen_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_page     (LotsenWindow *self,
                           const char   *name);
static void note_activity (LotsenWindow *self);

static void
toast (LotsenWindow *self,
       const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static guint
get_setting (LotsenWindow *self,
             const char   *key,
             guint         fallback)
{
  return self->settings ? g_settings_get_uint (self->settings, key) : fallback;
}

static GtkWidget *
create_register_page (LotsenWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) municipalities = lotsen_visitor_list_municipalities (self->store, &error);
  int oldest, youngest;

  if (municipalities == NULL)
    {
      g_warning ("Listing municipalities: %s", error->message);
      municipalities = g_ptr_array_new ();
    }

  lotsen_visitor_get_birth_years (self->store, &oldest, &youngest);
  return lotsen_register_page_new (self->draft, &self->register_step, municipalities, oldest, youngest);
}

static GtkWidget *
create_problem_page (LotsenWindow *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *details = gtk_label_new (self->store_problem);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "lotsen-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("This kiosk is out of order"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("Please ask the staff for help."));

  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  adw_status_page_set_child (ADW_STATUS_PAGE (page), details);

  return page;
}

/* Pages are made when first shown, so start-up and a language change only
 * build what is on screen. */
static GtkWidget *
ensure_page (LotsenWindow *self,
             const char   *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, name);

  if (page != NULL)
    return page;

  if (g_str_equal (name, "problem"))
    page = create_problem_page (self);
  else if (g_str_equal (name, "welcome"))
    page = lotsen_welcome_page_new ();
  else if (g_str_equal (name, "consent"))
    page = lotsen_consent_page_new ();
  else if (g_str_equal (name, "register"))
    page = create_register_page (self);
  else if (g_str_equal (name, "code"))
    page = lotsen_code_page_new (self->visitor->code);
  else if (g_str_equal (name, "sign-in"))
    page = lotsen_sign_in_page_new ();
  else if (g_str_equal (name, "visitor"))
    {
      g_autofree char *masked = lotsen_visitor_masked_name (self->visitor);
      page = lotsen_visitor_page_new (masked);
    }
  else if (g_str_equal (name, "activities"))
    page = lotsen_activities_page_new ();
  else if (g_str_equal (name, "signup"))
    page = lotsen_signup_page_new (self->signup);
  else if (g_str_equal (name, "my-signups"))
    page = lotsen_my_signups_page_new ();
  else if (g_str_equal (name, "queue"))
    page = lotsen_queue_page_new ();
  else if (g_str_equal (name, "ticket"))
    page = lotsen_ticket_page_new (get_setting (self, "ticket-seconds", DEFAULT_TICKET_SECONDS));
  else if (g_str_equal (name, "staff"))
    page = lotsen_staff_page_new ();
  else if (g_str_equal (name, "staff-pin"))
    page = lotsen_pin_page_new ();
  else if (g_str_equal (name, "staff-activities"))
    page = lotsen_activity_list_page_new (self->store);
  else if (g_str_equal (name, "staff-attendance"))
    page = lotsen_attendance_page_new (self->store);
  else if (g_str_equal (name, "staff-export"))
    page = lotsen_export_page_new (self->store);
  else
    return NULL;

  gtk_stack_add_named (self->pages, page, name);
  return page;
}

/* "Are you still there?": over everything, with one big button. */
static GtkWidget *
create_idle_warning (LotsenWindow *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Yes, I am still here"));
  GtkWidget *countdown = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_TIMER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "lotsen-soon-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Are you still there?"));

  gtk_label_set_wrap (GTK_LABEL (countdown), TRUE);
  gtk_label_set_justify (GTK_LABEL (countdown), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (countdown, "page-subtitle");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.still-here");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "big-button");
  gtk_widget_add_css_class (button, "suggested-action");

  gtk_box_append (GTK_BOX (box), countdown);
  gtk_box_append (GTK_BOX (box), button);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), box);

  gtk_widget_add_css_class (page, "idle-warning");
  gtk_widget_set_visible (page, FALSE);

  self->idle_warning = page;
  self->idle_countdown = GTK_LABEL (countdown);

  return page;
}

/* Builds everything the window shows, in the current language. */
static void
rebuild (LotsenWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay;

  /* Translators: the kiosk's name; keep it as it is unless your script needs it. */
  gtk_window_set_title (GTK_WINDOW (self), _("Lotsen"));

  self->language_bar = lotsen_language_bar_new ();
  gtk_box_append (GTK_BOX (box), self->language_bar);

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->pages, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pages));

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), box);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), create_idle_warning (self));
  adw_toast_overlay_set_child (self->toast_overlay, overlay);

  show_page (self, self->page_name);
}

static void
refresh_queue_page (LotsenWindow *self,
                    GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  services = lotsen_queue_list_services (self->store, lotsen_i18n_get_language (), &error);
  if (services == NULL)
    {
      g_warning ("Listing services: %s", error->message);
      services = g_ptr_array_new ();
      toast (self, error->message);
    }

  lotsen_queue_page_set_services (LOTSEN_QUEUE_PAGE (page), services);
}

#define WHATS_ON_DAYS 14

static void
refresh_activities_page (LotsenWindow *self,
                         GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 now = lotsen_clock_get_now (self->clock);

  sessions = lotsen_activity_list_sessions (self->store, now, now + WHATS_ON_DAYS * 24 * 3600,
                                            lotsen_i18n_get_language (), NULL, FALSE, &error);
  if (sessions == NULL)
    {
      g_warning ("Listing sessions: %s", error->message);
      toast (self, error->message);
      sessions = g_ptr_array_new ();
    }

  lotsen_activities_page_set_sessions (LOTSEN_ACTIVITIES_PAGE (page), sessions, self->category,
                                       lotsen_store_get_timezone (self->store));
}

static gboolean
refresh_signup_page (LotsenWindow *self,
                     GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSession) session = NULL;
  g_autoptr(LotsenSignup) signup = NULL;
  g_autofree char *masked = NULL;
  const char *lang = lotsen_i18n_get_language ();

  session = lotsen_activity_get_session (self->store, self->signup->session_id, lang, &error);
  if (session != NULL && self->signup->signup_id != 0)
    signup = lotsen_activity_get_signup (self->store, self->signup->signup_id, lang, &error);
  if (session == NULL || (self->signup->signup_id != 0 && signup == NULL))
    {
      g_warning ("Showing a sign-up: %s", error->message);
      toast (self, error->message);
      return FALSE;
    }

  /* Signed in with the personal code: on to how many come. */
  if (self->visitor != NULL && self->signup->step < LOTSEN_SIGNUP_STEP_PARTY)
    self->signup->step = LOTSEN_SIGNUP_STEP_PARTY;
  if (self->visitor != NULL)
    masked = lotsen_visitor_masked_name (self->visitor);

  lotsen_signup_page_set (LOTSEN_SIGNUP_PAGE (page), session, lotsen_store_get_timezone (self->store),
                          masked, signup, self->signup_message);
  return TRUE;
}

static void
refresh_my_signups_page (LotsenWindow *self,
                         GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signups = NULL;

  signups = lotsen_activity_list_visitor_signups (self->store, self->visitor->id,
                                                  lotsen_i18n_get_language (), &error);
  if (signups == NULL)
    {
      g_warning ("Listing sign-ups: %s", error->message);
      toast (self, error->message);
      signups = g_ptr_array_new ();
    }

  lotsen_my_signups_page_set (LOTSEN_MY_SIGNUPS_PAGE (page), signups, self->confirm_cancel_id,
                              lotsen_store_get_timezone (self->store));
}

static gboolean
refresh_ticket_page (LotsenWindow *self,
                     GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenService) service = NULL;
  LotsenWaitEstimate estimate;

  ticket = lotsen_queue_get_ticket (self->store, self->ticket_id, &error);
  if (ticket != NULL)
    service = lotsen_queue_get_service (self->store, ticket->prefix, lotsen_i18n_get_language (), &error);
  if (service == NULL || !lotsen_queue_estimate_wait (self->store, self->ticket_id, &estimate, &error))
    {
      g_warning ("Showing ticket %" G_GINT64_FORMAT ": %s", self->ticket_id, error->message);
      toast (self, error->message);
      return FALSE;
    }

  lotsen_ticket_page_set_ticket (LOTSEN_TICKET_PAGE (page), ticket, service->name, &estimate);
  return TRUE;
}

static void
refresh_staff_page (LotsenWindow *self,
                    GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  g_autofree char *notice = NULL;

  waiting = lotsen_queue_list_waiting (self->store, &error);
  if (waiting == NULL)
    {
      toast (self, error->message);
      waiting = g_ptr_array_new ();
    }

  if (self->called_ticket_id != 0)
    {
      called = lotsen_queue_get_ticket (self->store, self->called_ticket_id, NULL);
      if (called != NULL && called->status != LOTSEN_TICKET_CALLED)
        g_clear_pointer (&called, lotsen_ticket_free);
    }

  if (self->moved_aside != NULL)
    /* Translators: %s is a file name. Shown to staff only. */
    notice = g_strdup_printf (_("The database file was damaged. It has been kept as %s and a new, empty database was started. Please tell your administrator."),
                              self->moved_aside);

  lotsen_staff_page_set_desk (LOTSEN_STAFF_PAGE (page), self->desk);
  lotsen_staff_page_set_queue (LOTSEN_STAFF_PAGE (page), waiting, called,
                               lotsen_store_get_timezone (self->store));
  lotsen_staff_page_set_notice (LOTSEN_STAFF_PAGE (page), notice);
}

static void
lock_staff (LotsenWindow *self)
{
  self->staff_unlocked = FALSE;
  self->pin_stage = PIN_ENTER;
  g_string_truncate (self->typed_pin, 0);
  g_clear_pointer (&self->new_pin, g_free);
  g_clear_pointer (&self->pin_message, g_free);
}

static void
refresh_pin_page (LotsenWindow *self,
                  GtkWidget    *page)
{
  const char *titles[] = {
    [PIN_ENTER]  = _("Staff PIN"),
    [PIN_NEW]    = _("Choose a new staff PIN (4 to 8 digits)"),
    [PIN_REPEAT] = _("The new PIN once more"),
  };
  int locked = lotsen_staff_seconds_locked (self->store);

  lotsen_pin_page_set (LOTSEN_PIN_PAGE (page), titles[self->pin_stage], self->typed_pin->len,
                       self->pin_message, self->pin_stage == PIN_ENTER && locked > 0);
}

static void
show_page (LotsenWindow *self,
           const char   *name)
{
  GtkWidget *page;

  if (self->store == NULL)
    name = "problem";
  else if (g_strcmp0 (name, "ticket") == 0 && self->ticket_id == 0)
    name = "welcome";
  else if (g_strcmp0 (name, "register") == 0 && self->draft == NULL)
    name = "consent";
  else if ((g_strcmp0 (name, "code") == 0 || g_strcmp0 (name, "visitor") == 0) && self->visitor == NULL)
    name = "welcome";
  else if (g_str_has_prefix (name, "staff") && g_strcmp0 (name, "staff-pin") != 0 && !self->staff_unlocked)
    /* Every staff screen, not only the panel, is behind the PIN. */
    name = "staff-pin";
  else if (g_strcmp0 (name, "signup") == 0 && self->signup == NULL)
    name = "activities";
  else if (g_strcmp0 (name, "my-signups") == 0 && self->visitor == NULL)
    {
      /* My sign-ups are found by the personal code. */
      g_free (self->after_sign_in);
      self->after_sign_in = g_strdup (name);
      name = "sign-in";
    }

  /* Leaving staff mode locks it. */
  if (!g_str_has_prefix (name, "staff"))
    lock_staff (self);

  page = ensure_page (self, name);
  if (page == NULL)
    {
      g_warning ("No page called “%s”", name);
      name = "welcome";
      page = ensure_page (self, name);
    }

  if (g_str_equal (name, "queue"))
    refresh_queue_page (self, page);
  else if (g_str_equal (name, "activities"))
    refresh_activities_page (self, page);
  else if (g_str_equal (name, "signup") && !refresh_signup_page (self, page))
    {
      show_page (self, "activities");
      return;
    }
  else if (g_str_equal (name, "my-signups"))
    refresh_my_signups_page (self, page);
  else if (g_str_equal (name, "ticket") && !refresh_ticket_page (self, page))
    {
      show_page (self, "welcome");
      return;
    }
  else if (g_str_equal (name, "staff"))
    refresh_staff_page (self, page);
  else if (g_str_equal (name, "staff-pin"))
    refresh_pin_page (self, page);
  else if (g_str_equal (name, "staff-activities"))
    lotsen_activity_list_page_refresh (LOTSEN_ACTIVITY_LIST_PAGE (page));
  else if (g_str_equal (name, "staff-attendance"))
    lotsen_attendance_page_refresh (LOTSEN_ATTENDANCE_PAGE (page));
  else if (g_str_equal (name, "sign-in"))
    lotsen_sign_in_page_set (LOTSEN_SIGN_IN_PAGE (page), self->typed_code->str, self->sign_in_message,
                             self->gate != NULL && lotsen_code_gate_seconds_left (self->gate) > 0);

  if (g_strcmp0 (self->page_name, name) != 0)
    {
      g_free (self->page_name);
      self->page_name = g_strdup (name);
    }

  /* Staff screens are not the visitor's: no language bar there. */
  gtk_widget_set_visible (self->language_bar, !g_str_has_prefix (name, "staff"));
  gtk_stack_set_visible_child (self->pages, page);
  note_activity (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (LOTSEN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
go_home_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  g_clear_pointer (&self->after_sign_in, g_free);
  show_page (self, "welcome");
}

static void
take_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  ticket = lotsen_queue_take_ticket_for (self->store, g_variant_get_string (parameter, NULL),
                                         lotsen_i18n_get_language (),
                                         self->visitor ? self->visitor->id : 0, &error);
  if (ticket == NULL)
    {
      g_warning ("Taking a ticket: %s", error->message);
      toast (self, _("No ticket could be made. Please try again, or ask the staff."));
      return;
    }

  self->ticket_id = ticket->id;
  show_page (self, "ticket");
}

static void
set_interpreter_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *lang = g_variant_get_string (parameter, NULL);

  if (!lotsen_queue_set_interpreter (self->store, self->ticket_id, *lang ? lang : NULL, &error))
    {
      g_warning ("Asking for an interpreter: %s", error->message);
      toast (self, _("Your interpreter request could not be saved. Please tell the staff when you are called."));
    }

  show_page (self, "ticket");
}

/* The registration page writes into the draft: the two go together. */
static void
drop_draft (LotsenWindow *self)
{
  GtkWidget *page = self->pages ? lotsen_window_get_page (self, "register") : NULL;

  if (page != NULL)
    gtk_stack_remove (self->pages, page);

  g_clear_pointer (&self->draft, lotsen_visitor_draft_free);
  self->register_step = 0;
}

/* The sign-up page writes into the form: the two go together. */
static void
drop_signup (LotsenWindow *self)
{
  GtkWidget *page = self->pages ? lotsen_window_get_page (self, "signup") : NULL;

  if (page != NULL)
    gtk_stack_remove (self->pages, page);

  g_clear_pointer (&self->signup, lotsen_signup_form_free);
  g_clear_pointer (&self->signup_message, g_free);
}

/* The visitor is done, or walked away: everything they did is forgotten
 * by the screen (what was saved stays saved), and the next person starts
 * afresh, in the default language.  Every page is built anew, so no
 * widget keeps what they typed. */
static void
reset_visit (LotsenWindow *self)
{
  self->ticket_id = 0;
  self->renewing_consent = FALSE;
  lock_staff (self);
  drop_draft (self);
  drop_signup (self);
  g_clear_pointer (&self->visitor, lotsen_visitor_free);
  g_clear_pointer (&self->sign_in_message, g_free);
  g_clear_pointer (&self->after_sign_in, g_free);
  g_clear_pointer (&self->category, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
  self->confirm_cancel_id = 0;
  g_string_truncate (self->typed_code, 0);
  g_free (self->page_name);
  self->page_name = g_strdup ("welcome");

  if (g_strcmp0 (lotsen_i18n_get_language (), self->default_language) != 0)
    lotsen_window_set_language (self, self->default_language);
  else
    rebuild (self);
}

static void
finish_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  reset_visit (LOTSEN_WINDOW (widget));
}

/* Signed in: on to what the visitor came to sign in for, if anything. */
static void
show_signed_in (LotsenWindow *self)
{
  g_autofree char *next = g_steal_pointer (&self->after_sign_in);

  show_page (self, next ? next : "visitor");
}

static void
accept_consent_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->renewing_consent && self->visitor != NULL)
    {
      if (!lotsen_visitor_renew_consent (self->store, self->visitor->id, &error))
        {
          toast (self, error->message);
          return;
        }
      self->renewing_consent = FALSE;
      self->visitor->consent_version = LOTSEN_CONSENT_VERSION;
      show_signed_in (self);
      return;
    }

  drop_draft (self);
  self->draft = lotsen_visitor_draft_new ();
  self->draft->consent = TRUE;
  self->register_step = 0;
  show_page (self, "register");
}

/* "No, thank you": nothing is stored, and nothing stays on screen. */
static void
decline_consent_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  self->renewing_consent = FALSE;
  drop_draft (self);
  g_clear_pointer (&self->visitor, lotsen_visitor_free);
  show_page (self, "welcome");
}

static void
cancel_registration_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  drop_draft (self);
  show_page (self, "welcome");
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;

  g_return_if_fail (self->draft != NULL);

  g_free (self->draft->lang);
  self->draft->lang = g_strdup (lotsen_i18n_get_language ());

  visitor = lotsen_visitor_register (self->store, self->draft, &error);
  if (visitor == NULL)
    {
      g_warning ("Registering: %s", error->message);
      toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->visitor, lotsen_visitor_free);
  self->visitor = visitor;

  /* Done with the form: its widgets go, with what was typed in them. */
  drop_draft (self);
  show_page (self, "code");
}

static void
code_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  if (self->typed_code->len < LOTSEN_CODE_MAX_LENGTH)
    g_string_append (self->typed_code, g_variant_get_string (parameter, NULL));
  g_clear_pointer (&self->sign_in_message, g_free);
  show_page (self, "sign-in");
}

static void
code_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  if (self->typed_code->len > 0)
    g_string_truncate (self->typed_code, self->typed_code->len - 1);
  g_clear_pointer (&self->sign_in_message, g_free);
  show_page (self, "sign-in");
}

static char *
pause_message (int seconds)
{
  return g_strdup_printf (ngettext ("Too many wrong codes. Please wait %d second and try again.",
                                    "Too many wrong codes. Please wait %d seconds and try again.",
                                    seconds),
                          seconds);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;
  int wait = lotsen_code_gate_seconds_left (self->gate);

  g_clear_pointer (&self->sign_in_message, g_free);

  if (wait > 0)
    {
      self->sign_in_message = pause_message (wait);
      show_page (self, "sign-in");
      return;
    }

  visitor = lotsen_visitor_find_by_code (self->store, self->typed_code->str, &error);
  g_string_truncate (self->typed_code, 0);

  if (visitor == NULL)
    {
      lotsen_code_gate_record (self->gate, FALSE);
      wait = lotsen_code_gate_seconds_left (self->gate);
      self->sign_in_message = wait > 0 ? pause_message (wait) : g_strdup (error->message);
      show_page (self, "sign-in");
      return;
    }

  lotsen_code_gate_record (self->gate, TRUE);
  g_clear_pointer (&self->visitor, lotsen_visitor_free);
  self->visitor = visitor;

  if (lotsen_visitor_needs_consent (visitor))
    {
      self->renewing_consent = TRUE;
      show_page (self, "consent");
      return;
    }

  if (!lotsen_visitor_record_visit (self->store, visitor->id, &error))
    g_warning ("Noting a visit: %s", error->message);

  show_signed_in (self);
}

static void
pin_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  if (self->typed_pin->len < LOTSEN_STAFF_PIN_MAX_DIGITS)
    g_string_append (self->typed_pin, g_variant_get_string (parameter, NULL));
  g_clear_pointer (&self->pin_message, g_free);
  show_page (self, "staff-pin");
}

static void
pin_delete_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  if (self->typed_pin->len > 0)
    g_string_truncate (self->typed_pin, self->typed_pin->len - 1);
  show_page (self, "staff-pin");
}

static void
pin_ok_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = g_strdup (self->typed_pin->str);

  g_string_truncate (self->typed_pin, 0);
  g_clear_pointer (&self->pin_message, g_free);

  switch (self->pin_stage)
    {
    case PIN_ENTER:
      if (!lotsen_staff_check_pin (self->store, typed, &error))
        self->pin_message = g_strdup (error->message);
      else if (lotsen_staff_pin_must_change (self->store))
        self->pin_stage = PIN_NEW;
      else
        self->staff_unlocked = TRUE;
      break;

    case PIN_NEW:
      g_free (self->new_pin);
      self->new_pin = g_steal_pointer (&typed);
      self->pin_stage = PIN_REPEAT;
      break;

    case PIN_REPEAT:
      if (g_strcmp0 (typed, self->new_pin) != 0)
        {
          self->pin_message = g_strdup (_("The two PINs are not the same. Please choose a new PIN again."));
          self->pin_stage = PIN_NEW;
        }
      else if (!lotsen_staff_set_pin (self->store, typed, &error))
        {
          self->pin_message = g_strdup (error->message);
          self->pin_stage = PIN_NEW;
        }
      else
        self->staff_unlocked = TRUE;
      g_clear_pointer (&self->new_pin, g_free);
      break;

    default:
      g_assert_not_reached ();
    }

  show_page (self, self->staff_unlocked ? "staff" : "staff-pin");
}

static void
still_here_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  note_activity (LOTSEN_WINDOW (widget));
}

static gboolean
has_visitor_state (LotsenWindow *self)
{
  return g_strcmp0 (self->page_name, "welcome") != 0 ||
         g_strcmp0 (lotsen_i18n_get_language (), self->default_language) != 0 ||
         self->draft != NULL || self->visitor != NULL || self->signup != NULL ||
         self->typed_code->len > 0;
}

static void
note_activity (LotsenWindow *self)
{
  if (self->clock == NULL)
    return;

  self->last_activity = lotsen_clock_get_now (self->clock);
  if (self->idle_warning != NULL)
    gtk_widget_set_visible (self->idle_warning, FALSE);
}

/* Once a second: warn at timeout − warning, wipe at timeout (WCAG 2.2.1). */
static gboolean
idle_tick_cb (gpointer user_data)
{
  LotsenWindow *self = user_data;
  guint timeout = get_setting (self, "idle-timeout", DEFAULT_IDLE_TIMEOUT);
  guint warning = MIN (get_setting (self, "idle-warning", DEFAULT_IDLE_WARNING), timeout);
  gint64 idle;

  if (!has_visitor_state (self))
    {
      note_activity (self);
      return G_SOURCE_CONTINUE;
    }

  idle = lotsen_clock_get_now (self->clock) - self->last_activity;

  if (idle >= timeout)
    reset_visit (self);
  else if (idle >= timeout - warning)
    {
      gint64 left = timeout - idle;
      g_autofree char *text =
        g_strdup_printf (ngettext ("Everything will be cleared in %d second.",
                                   "Everything will be cleared in %d seconds.",
                                   (gulong) left),
                         (int) left);

      gtk_label_set_text (self->idle_countdown, text);
      gtk_widget_set_visible (self->idle_warning, TRUE);
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
input_event_cb (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                LotsenWindow             *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      note_activity (self);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
call_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  self->desk = g_variant_get_int32 (parameter);
  ticket = lotsen_queue_call_next (self->store, self->desk, NULL, &error);

  if (error != NULL)
    toast (self, error->message);
  else if (ticket == NULL)
    toast (self, _("No ticket is waiting."));
  else
    self->called_ticket_id = ticket->id;

  show_page (self, "staff");
}

static void
finish_ticket_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  LotsenTicketStatus status;

  status = g_str_equal (g_variant_get_string (parameter, NULL), "done")
           ? LOTSEN_TICKET_DONE : LOTSEN_TICKET_NO_SHOW;

  ticket = lotsen_queue_get_ticket (self->store, self->called_ticket_id, &error);
  if (ticket == NULL || !lotsen_queue_finish (self->store, ticket->label, status, &error))
    toast (self, error->message);
  else
    self->called_ticket_id = 0;

  show_page (self, "staff");
}

static void
set_category (LotsenWindow *self,
              const char   *category)
{
  if (category != NULL && *category == '\0')
    category = NULL;

  if (g_strcmp0 (category, self->category) == 0)
    return;

  g_free (self->category);
  self->category = g_strdup (category);
  if (self->pages != NULL && g_strcmp0 (self->page_name, "activities") == 0)
    show_page (self, "activities");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

static void
choose_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  drop_signup (self);
  self->signup = lotsen_signup_form_new (g_variant_get_int64 (parameter));
  self->signup->step = self->visitor != NULL ? LOTSEN_SIGNUP_STEP_PARTY : LOTSEN_SIGNUP_STEP_WHO;
  show_page (self, "signup");
}

static void
sign_up_with_code_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  g_free (self->after_sign_in);
  self->after_sign_in = g_strdup ("signup");
  g_string_truncate (self->typed_code, 0);
  g_clear_pointer (&self->sign_in_message, g_free);
  show_page (self, "sign-in");
}

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  LotsenSignupForm *form = self->signup;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSignup) signup = NULL;

  g_return_if_fail (form != NULL);

  g_clear_pointer (&self->signup_message, g_free);

  if (self->visitor != NULL)
    signup = lotsen_activity_sign_up (self->store, form->session_id, self->visitor->id,
                                      NULL, NULL, form->party_size, &error);
  else
    signup = lotsen_activity_sign_up (self->store, form->session_id, 0,
                                      form->name, form->phone, form->party_size, &error);

  if (signup == NULL)
    {
      g_message ("Signing up for session %" G_GINT64_FORMAT ": %s", form->session_id, error->message);
      self->signup_message = g_strdup (error->message);
    }
  else
    {
      form->signup_id = signup->id;
      form->step = LOTSEN_SIGNUP_STEP_DONE;
    }

  show_page (self, "signup");
}

/* Only the signed-in visitor's own sign-ups can be cancelled here. */
static gboolean
is_own_signup (LotsenWindow *self,
               gint64        signup_id)
{
  g_autoptr(LotsenSignup) signup = NULL;

  if (self->visitor == NULL)
    return FALSE;

  signup = lotsen_activity_get_signup (self->store, signup_id, NULL, NULL);
  return signup != NULL && signup->visitor_id == self->visitor->id;
}

static void
cancel_signup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  self->confirm_cancel_id = g_variant_get_int64 (parameter);
  show_page (self, "my-signups");
}

static void
confirm_cancel_signup_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 signup_id = g_variant_get_int64 (parameter);

  self->confirm_cancel_id = 0;

  if (!is_own_signup (self, signup_id))
    g_warning ("Sign-up %" G_GINT64_FORMAT " is not the visitor's", signup_id);
  else if (!lotsen_activity_cancel_signup (self->store, signup_id, &error))
    toast (self, error->message);
  else
    toast (self, _("Your sign-up is cancelled."));

  show_page (self, "my-signups");
}

static void
keep_signup_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  self->confirm_cancel_id = 0;
  show_page (self, "my-signups");
}

static void
lotsen_window_dispose (GObject *object)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  g_clear_handle_id (&self->idle_tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTSEN_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->gate);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lotsen_window_parent_class)->dispose (object);
}

static void
lotsen_window_finalize (GObject *object)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  g_free (self->store_problem);
  g_free (self->moved_aside);
  g_free (self->default_language);
  g_free (self->page_name);
  g_free (self->sign_in_message);
  g_free (self->after_sign_in);
  g_free (self->category);
  g_free (self->signup_message);
  lotsen_signup_form_free (self->signup);
  g_string_free (self->typed_code, TRUE);
  g_string_free (self->typed_pin, TRUE);
  g_free (self->new_pin);
  g_free (self->pin_message);
  lotsen_visitor_draft_free (self->draft);
  lotsen_visitor_free (self->visitor);

  G_OBJECT_CLASS (lotsen_window_parent_class)->finalize (object);
}

static void
lotsen_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, lotsen_window_get_language (self));
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category ? self->category : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LotsenWindow *self = LOTSEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      lotsen_window_set_language (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      set_category (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_window_class_init (LotsenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_window_dispose;
  object_class->finalize = lotsen_window_finalize;
  object_class->get_property = lotsen_window_get_property;
  object_class->set_property = lotsen_window_set_property;

  /**
   * LotsenWindow:language:
   *
   * The visitor's language. Changing it rebuilds every page in it.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, LOTSEN_DEFAULT_LANGUAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LotsenWindow:category:
   *
   * The kind of activity What's on shows, or "" for every kind.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenWindow, toast_overlay);

  gtk_widget_class_install_property_action (widget_class, "win.language", "language");
  gtk_widget_class_install_property_action (widget_class, "win.category", "category");
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-home", NULL, go_home_action);
  gtk_widget_class_install_action (widget_class, "win.take-ticket", "s", take_ticket_action);
  gtk_widget_class_install_action (widget_class, "win.set-interpreter", "s", set_interpreter_action);
  gtk_widget_class_install_action (widget_class, "win.finish-visit", NULL, finish_visit_action);
  gtk_widget_class_install_action (widget_class, "win.call-next", "i", call_next_action);
  gtk_widget_class_install_action (widget_class, "win.finish-ticket", "s", finish_ticket_action);
  gtk_widget_class_install_action (widget_class, "win.accept-consent", NULL, accept_consent_action);
  gtk_widget_class_install_action (widget_class, "win.decline-consent", NULL, decline_consent_action);
  gtk_widget_class_install_action (widget_class, "win.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-registration", NULL, cancel_registration_action);
  gtk_widget_class_install_action (widget_class, "win.code-key", "s", code_key_action);
  gtk_widget_class_install_action (widget_class, "win.code-delete", NULL, code_delete_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.still-here", NULL, still_here_action);
  gtk_widget_class_install_action (widget_class, "win.choose-session", "x", choose_session_action);
  gtk_widget_class_install_action (widget_class, "win.sign-up-with-code", NULL, sign_up_with_code_action);
  gtk_widget_class_install_action (widget_class, "win.sign-up", NULL, sign_up_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-signup", "x", cancel_signup_action);
  gtk_widget_class_install_action (widget_class, "win.confirm-cancel-signup", "x", confirm_cancel_signup_action);
  gtk_widget_class_install_action (widget_class, "win.keep-signup", NULL, keep_signup_action);
  gtk_widget_class_install_action (widget_class, "win.pin-key", "s", pin_key_action);
  gtk_widget_class_install_action (widget_class, "win.pin-delete", NULL, pin_delete_action);
  gtk_widget_class_install_action (widget_class, "win.pin-ok", NULL, pin_ok_action);
}

static void
lotsen_window_init (LotsenWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkEventController *legacy;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      self->default_language = g_settings_get_string (self->settings, "default-language");
    }
  else
    g_message ("The settings schema %s is not installed; using the built-in defaults", APP_ID);

  if (lotsen_i18n_lookup (self->default_language) == NULL)
    {
      g_free (self->default_language);
      self->default_language = g_strdup (LOTSEN_DEFAULT_LANGUAGE);
    }

  self->page_name = g_strdup ("welcome");
  self->typed_code = g_string_new (NULL);
  self->typed_pin = g_string_new (NULL);
  self->desk = 1;

  /* Any touch, anywhere, before any widget sees it. */
  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (input_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
}

/**
 * lotsen_window_new:
 * @store: (nullable): the open store, or %NULL when it could not be opened
 * @store_problem: (nullable): why @store is %NULL, for staff
 * @moved_aside: (nullable): where a damaged database was kept
 */
LotsenWindow *
lotsen_window_new (GtkApplication *application,
                   LotsenStore    *store,
                   const char     *store_problem,
                   const char     *moved_aside)
{
  LotsenWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || LOTSEN_IS_STORE (store), NULL);

  self = g_object_new (LOTSEN_TYPE_WINDOW, "application", application, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->store_problem = g_strdup (store_problem);
  self->moved_aside = g_strdup (moved_aside);

  if (store != NULL)
    {
      self->clock = g_object_ref (lotsen_store_get_clock (store));
      self->gate = lotsen_code_gate_new (self->clock);
      note_activity (self);
      self->idle_tick_id = g_timeout_add_seconds (1, idle_tick_cb, self);
    }

  lotsen_i18n_set_language (self->default_language);
  gtk_widget_set_default_direction (lotsen_i18n_get_direction () == LOTSEN_TEXT_DIRECTION_RTL
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  rebuild (self);

  return self;
}

const char *
lotsen_window_get_language (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return lotsen_i18n_get_language ();
}

/**
 * lotsen_window_set_language:
 * @language: a code from the language table
 *
 * Switches the whole window to @language at once, keeping the page and
 * what the visitor did on it.
 */
void
lotsen_window_set_language (LotsenWindow *self,
                            const char   *language)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));

  if (g_strcmp0 (language, lotsen_i18n_get_language ()) == 0 && self->pages != NULL)
    return;

  if (!lotsen_i18n_set_language (language))
    {
      g_warning ("Unknown language “%s”", language);
      return;
    }

  gtk_widget_set_default_direction (lotsen_i18n_get_direction () == LOTSEN_TEXT_DIRECTION_RTL
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
lotsen_window_get_page_name (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return self->page_name;
}

/**
 * lotsen_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page called @name as it is
 *   now, or %NULL when it has not been shown since the last rebuild
 */
GtkWidget *
lotsen_window_get_page (LotsenWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->pages, name);
}

gint64
lotsen_window_get_ticket_id (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), 0);

  return self->ticket_id;
}

/**
 * lotsen_window_get_visitor_code:
 *
 * Returns: (nullable): the personal code of the visitor at the screen
 */
const char *
lotsen_window_get_visitor_code (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return self->visitor ? self->visitor->code : NULL;
}

/**
 * lotsen_window_show_idle_warning:
 *
 * Makes the kiosk think it was left alone until the warning: as the idle
 * timer would, one tick later.
 */
void
lotsen_window_show_idle_warning (LotsenWindow *self)
{
  g_return_if_fail (LOTSEN_IS_WINDOW (self));
  g_return_if_fail (self->clock != NULL);

  self->last_activity = lotsen_clock_get_now (self->clock)
                        - get_setting (self, "idle-timeout", DEFAULT_IDLE_TIMEOUT)
                        + get_setting (self, "idle-warning", DEFAULT_IDLE_WARNING);
  idle_tick_cb (self);
}
