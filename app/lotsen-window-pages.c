/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-window-pages.c — the window's pages: the page table (every page
 * by name, how it is made and how it is filled from the visit and the
 * store), and showing one.
 *
 * A page is made when it is shown and destroyed when another one is, so
 * a screen reader finds only the page on screen, and nothing a visitor
 * typed stays in a widget they have left.
 */

#define G_LOG_DOMAIN "lotsen-window"

#include "config.h"

#include "lotsen-activities-page.h"
#include "lotsen-activity-list-page.h"
#include "lotsen-attendance-page.h"
#include "lotsen-backup.h"
#include "lotsen-code-page.h"
#include "lotsen-consent-page.h"
#include "lotsen-export-page.h"
#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-my-signups-page.h"
#include "lotsen-pin-page.h"
#include "lotsen-queue.h"
#include "lotsen-queue-page.h"
#include "lotsen-read-aloud.h"
#include "lotsen-record-page.h"
#include "lotsen-register-page.h"
#include "lotsen-sign-in-page.h"
#include "lotsen-signup-page.h"
#include "lotsen-staff-page.h"
#include "lotsen-ticket-page.h"
#include "lotsen-outcome-question-page.h"
#include "lotsen-outcomes-page.h"
#include "lotsen-visitor-page.h"
#include "lotsen-welcome-page.h"
#include "lotsen-window-private.h"

#define DEFAULT_TICKET_SECONDS 30
#define WHATS_ON_DAYS          14

/* A list from the store, or an empty one and a message when it fails. */
static GPtrArray *
or_empty (LotsenWindow *self,
          GPtrArray    *list,
          const char   *what,
          GError       *error)
{
  if (list != NULL)
    return list;

  g_warning ("%s: %s", what, error->message);
  lotsen_window_toast (self, error->message);
  return g_ptr_array_new ();
}

/* Visitors see the plain message only: the reason (a file name, the
 * database engine's words) is for staff and went to the log. */
static GtkWidget *
create_problem (LotsenWindow *self)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "lotsen-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("This kiosk is out of order"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("Please ask the staff for help."));

  return page;
}

static GtkWidget *
create_welcome (LotsenWindow *self)
{
  return lotsen_welcome_page_new ();
}

static GtkWidget *
create_consent (LotsenWindow *self)
{
  return lotsen_consent_page_new ();
}

static GtkWidget *
create_register (LotsenWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) municipalities = NULL;
  g_auto(GStrv) interpreters = NULL;
  int oldest, youngest;

  municipalities = or_empty (self, lotsen_visitor_list_municipalities (self->store, &error),
                             "Listing municipalities", error);
  lotsen_visitor_get_birth_years (self->store, &oldest, &youngest);

  interpreters = lotsen_interpreter_list (self->store);

  return lotsen_register_page_new (self->visit, municipalities, (const char * const *) interpreters,
                                   oldest, youngest);
}

static GtkWidget *
create_code (LotsenWindow *self)
{
  return lotsen_code_page_new (lotsen_visit_get_visitor (self->visit)->code);
}

static GtkWidget *
create_sign_in (LotsenWindow *self)
{
  return lotsen_sign_in_page_new ();
}

static gboolean
refresh_sign_in (LotsenWindow *self,
                 GtkWidget    *page)
{
  lotsen_sign_in_page_set (LOTSEN_SIGN_IN_PAGE (page),
                           lotsen_visit_get_typed_code (self->visit),
                           lotsen_visit_get_sign_in_message (self->visit),
                           lotsen_visit_is_sign_in_paused (self->visit));
  return TRUE;
}

static GtkWidget *
create_visitor (LotsenWindow *self)
{
  g_autofree char *masked = lotsen_visitor_masked_name (lotsen_visit_get_visitor (self->visit));

  return lotsen_visitor_page_new (masked);
}

static GtkWidget *
create_outcome_question (LotsenWindow *self)
{
  return lotsen_outcome_question_page_new ();
}

static GtkWidget *
create_activities (LotsenWindow *self)
{
  return lotsen_activities_page_new ();
}

static gboolean
refresh_activities (LotsenWindow *self,
                    GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 now = lotsen_clock_get_now (lotsen_store_get_clock (self->store));

  sessions = or_empty (self,
                       lotsen_activity_list_sessions (self->store, now, now + WHATS_ON_DAYS * 24 * 3600,
                                                      lotsen_i18n_get_language (), NULL, FALSE, &error),
                       "Listing sessions", error);
  lotsen_activities_page_set_sessions (LOTSEN_ACTIVITIES_PAGE (page), sessions,
                                       lotsen_visit_get_category (self->visit),
                                       lotsen_store_get_timezone (self->store));
  return TRUE;
}

static GtkWidget *
create_signup (LotsenWindow *self)
{
  return lotsen_signup_page_new (self->visit);
}

static gboolean
refresh_signup (LotsenWindow *self,
                GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSession) session = NULL;
  g_autoptr(LotsenSignup) signup = NULL;
  g_autofree char *masked = NULL;
  const LotsenVisitor *visitor = lotsen_visit_get_visitor (self->visit);
  LotsenSignupForm *form = lotsen_visit_get_signup_form (self->visit);
  const char *lang = lotsen_i18n_get_language ();

  session = lotsen_activity_get_session (self->store, form->session_id, lang, &error);
  if (session != NULL && form->signup_id != 0)
    signup = lotsen_activity_get_signup (self->store, form->signup_id, lang, &error);
  if (session == NULL || (form->signup_id != 0 && signup == NULL))
    {
      g_warning ("Showing a sign-up: %s", error->message);
      lotsen_window_toast (self, error->message);
      return FALSE;
    }

  /* Signed in with the personal code: on to how many come. */
  if (visitor != NULL && form->step < LOTSEN_SIGNUP_STEP_PARTY)
    form->step = LOTSEN_SIGNUP_STEP_PARTY;
  if (visitor != NULL)
    masked = lotsen_visitor_masked_name (visitor);

  lotsen_signup_page_set (LOTSEN_SIGNUP_PAGE (page), session, lotsen_store_get_timezone (self->store),
                          masked, signup, lotsen_visit_get_signup_message (self->visit));
  return TRUE;
}

static GtkWidget *
create_my_signups (LotsenWindow *self)
{
  return lotsen_my_signups_page_new ();
}

static gboolean
refresh_my_signups (LotsenWindow *self,
                    GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signups = NULL;

  signups = or_empty (self,
                      lotsen_activity_list_visitor_signups (self->store,
                                                            lotsen_visit_get_visitor (self->visit)->id,
                                                            lotsen_i18n_get_language (), &error),
                      "Listing sign-ups", error);
  lotsen_my_signups_page_set (LOTSEN_MY_SIGNUPS_PAGE (page), signups,
                              lotsen_visit_get_confirm_cancel_id (self->visit),
                              lotsen_store_get_timezone (self->store));
  return TRUE;
}

static GtkWidget *
create_queue (LotsenWindow *self)
{
  return lotsen_queue_page_new ();
}

static gboolean
refresh_queue (LotsenWindow *self,
               GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  services = or_empty (self, lotsen_queue_list_services (self->store, lotsen_i18n_get_language (), &error),
                       "Listing services", error);
  lotsen_queue_page_set_services (LOTSEN_QUEUE_PAGE (page), services);
  return TRUE;
}

static GtkWidget *
create_ticket (LotsenWindow *self)
{
  g_auto(GStrv) interpreters = lotsen_interpreter_list (self->store);

  return lotsen_ticket_page_new (lotsen_window_get_setting (self, "ticket-seconds", DEFAULT_TICKET_SECONDS),
                                 lotsen_store_get_clock (self->store),
                                 (const char * const *) interpreters);
}

static gboolean
refresh_ticket (LotsenWindow *self,
                GtkWidget    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenService) service = NULL;
  gint64 ticket_id = lotsen_visit_get_ticket_id (self->visit);
  LotsenWaitEstimate estimate;

  ticket = lotsen_queue_get_ticket (self->store, ticket_id, &error);
  if (ticket != NULL)
    service = lotsen_queue_get_service (self->store, ticket->prefix, lotsen_i18n_get_language (), &error);
  if (service == NULL || !lotsen_queue_estimate_wait (self->store, ticket_id, &estimate, &error))
    {
      g_warning ("Showing ticket %" G_GINT64_FORMAT ": %s", ticket_id, error->message);
      lotsen_window_toast (self, error->message);
      return FALSE;
    }

  lotsen_ticket_page_set_ticket (LOTSEN_TICKET_PAGE (page), ticket, service->name, &estimate);
  return TRUE;
}

static GtkWidget *
create_staff_pin (LotsenWindow *self)
{
  return lotsen_pin_page_new ();
}

static gboolean
refresh_staff_pin (LotsenWindow *self,
                   GtkWidget    *page)
{
  const char *titles[] = {
    /* Translators: the title of the screen where staff type their PIN code. */
    [LOTSEN_PIN_STAGE_ENTER]  = _("Staff PIN"),
    [LOTSEN_PIN_STAGE_NEW]    = _("Choose a new staff PIN (4 to 8 digits)"),
    [LOTSEN_PIN_STAGE_REPEAT] = _("The new PIN once more"),
  };

  lotsen_pin_page_set (LOTSEN_PIN_PAGE (page), titles[lotsen_staff_session_get_pin_stage (self->staff)],
                       lotsen_staff_session_get_pin_length (self->staff),
                       lotsen_staff_session_get_pin_message (self->staff),
                       lotsen_staff_session_is_paused (self->staff));
  return TRUE;
}

static GtkWidget *
create_staff (LotsenWindow *self)
{
  return lotsen_staff_page_new ();
}

/* The last nightly (or lotsen-admin) backup, in words for staff. */
static char *
describe_last_backup (LotsenStore *store,
                      gboolean    *failed)
{
  g_autofree char *file = NULL;
  g_autofree char *failure = NULL;
  g_autofree char *when = NULL;
  gint64 at;

  *failed = FALSE;
  if (!lotsen_backup_get_last (store, &at, &file, &failure))
    return g_strdup (_("No backup has been made yet."));

  when = lotsen_store_format_local (store, at, "%Y-%m-%d %H:%M");
  if (failure != NULL)
    {
      *failed = TRUE;
      /* Translators: shown to staff; the time of the last backup, then why it failed. */
      return g_strdup_printf (_("The last backup failed (%s): %s"), when, failure);
    }

  /* Translators: shown to staff; the time of the last backup, then its file name. */
  return g_strdup_printf (_("Last backup: %s, to %s"), when, file);
}

static gboolean
refresh_staff (LotsenWindow *self,
               GtkWidget    *page)
{
  g_autofree char *backup = NULL;
  gboolean backup_failed;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) services_error = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  g_autofree char *notice = NULL;
  gint64 called_id = lotsen_staff_session_get_called_id (self->staff);

  waiting = or_empty (self, lotsen_queue_list_waiting (self->store, &error), "Listing the queue", error);

  if (called_id != 0)
    {
      called = lotsen_queue_get_ticket (self->store, called_id, NULL);
      if (called != NULL && called->status != LOTSEN_TICKET_CALLED)
        g_clear_pointer (&called, lotsen_ticket_free);
    }

  if (self->moved_aside != NULL)
    /* Translators: %s is a file name. Shown to staff only. */
    notice = g_strdup_printf (_("The database file was damaged. It has been kept as %s and a new, empty database was started. Please tell your administrator."),
                              self->moved_aside);
  else if (self->printer_problem != NULL)
    /* Translators: shown to staff; %s says what is wrong with the printer. */
    notice = g_strdup_printf (_("The last ticket was not printed: %s"), self->printer_problem);

  lotsen_staff_page_set_desk (LOTSEN_STAFF_PAGE (page), lotsen_staff_session_get_desk (self->staff));
  services = or_empty (self, lotsen_queue_list_services (self->store, lotsen_i18n_get_language (), &services_error),
                       "Listing the services", services_error);
  lotsen_staff_page_set_services (LOTSEN_STAFF_PAGE (page), services);
  lotsen_staff_page_set_queue (LOTSEN_STAFF_PAGE (page), waiting, called,
                               lotsen_store_get_timezone (self->store));
  lotsen_staff_page_set_notice (LOTSEN_STAFF_PAGE (page), notice);
  if (self->moved_aside != NULL && self->offered_backup != NULL)
    {
      char day[16];
      g_autofree char *restore = NULL;

      g_date_strftime (day, sizeof day, "%Y-%m-%d", &self->offered_backup_date);
      /* Translators: a staff button; %s is the day the backup was made (2026-12-03). */
      restore = g_strdup_printf (_("Restore the backup of %s"), day);
      lotsen_staff_page_set_restore (LOTSEN_STAFF_PAGE (page), restore);
    }
  else
    lotsen_staff_page_set_restore (LOTSEN_STAFF_PAGE (page), NULL);
  backup = describe_last_backup (self->store, &backup_failed);
  lotsen_staff_page_set_backup (LOTSEN_STAFF_PAGE (page), backup, backup_failed);
  return TRUE;
}

static GtkWidget *
create_staff_activities (LotsenWindow *self)
{
  return lotsen_activity_list_page_new (self->staff);
}

static gboolean
refresh_staff_activities (LotsenWindow *self,
                          GtkWidget    *page)
{
  lotsen_activity_list_page_refresh (LOTSEN_ACTIVITY_LIST_PAGE (page));
  return TRUE;
}

static GtkWidget *
create_staff_attendance (LotsenWindow *self)
{
  return lotsen_attendance_page_new (self->staff);
}

static gboolean
refresh_staff_attendance (LotsenWindow *self,
                          GtkWidget    *page)
{
  lotsen_attendance_page_refresh (LOTSEN_ATTENDANCE_PAGE (page));
  return TRUE;
}

static GtkWidget *
create_staff_outcomes (LotsenWindow *self)
{
  return lotsen_outcomes_page_new (self->staff);
}

static gboolean
refresh_staff_outcomes (LotsenWindow *self,
                        GtkWidget    *page)
{
  lotsen_outcomes_page_refresh (LOTSEN_OUTCOMES_PAGE (page));
  return TRUE;
}

static GtkWidget *
create_staff_export (LotsenWindow *self)
{
  return lotsen_export_page_new (self->staff);
}

static GtkWidget *
create_staff_record (LotsenWindow *self)
{
  return lotsen_record_page_new (self->audio);
}

static const LotsenPageInfo pages[] = {
  /* name                staff  unlock  create                   refresh                   fallback */
  { "problem",           FALSE, FALSE,  create_problem,          NULL,                     NULL },
  { "welcome",           FALSE, FALSE,  create_welcome,          NULL,                     NULL },
  { "consent",           FALSE, FALSE,  create_consent,          NULL,                     NULL },
  { "register",          FALSE, FALSE,  create_register,         NULL,                     NULL },
  { "code",              FALSE, FALSE,  create_code,             NULL,                     NULL },
  { "sign-in",           FALSE, FALSE,  create_sign_in,          refresh_sign_in,          NULL },
  { "visitor",           FALSE, FALSE,  create_visitor,          NULL,                     NULL },
  { "outcome-question",  FALSE, FALSE,  create_outcome_question, NULL,                     NULL },
  { "activities",        FALSE, FALSE,  create_activities,       refresh_activities,       NULL },
  { "signup",            FALSE, FALSE,  create_signup,           refresh_signup,           "activities" },
  { "my-signups",        FALSE, FALSE,  create_my_signups,       refresh_my_signups,       NULL },
  { "queue",             FALSE, FALSE,  create_queue,            refresh_queue,            NULL },
  { "ticket",            FALSE, FALSE,  create_ticket,           refresh_ticket,           "welcome" },
  { "staff-pin",         TRUE,  FALSE,  create_staff_pin,        refresh_staff_pin,        NULL },
  { "staff",             TRUE,  TRUE,   create_staff,            refresh_staff,            NULL },
  { "staff-activities",  TRUE,  TRUE,   create_staff_activities, refresh_staff_activities, NULL },
  { "staff-attendance",  TRUE,  TRUE,   create_staff_attendance, refresh_staff_attendance, NULL },
  { "staff-export",      TRUE,  TRUE,   create_staff_export,     NULL,                     NULL },
  { "staff-outcomes",    TRUE,  TRUE,   create_staff_outcomes,   refresh_staff_outcomes,   NULL },
  { "staff-record",      TRUE,  TRUE,   create_staff_record,     NULL,                     NULL },
};

/**
 * lotsen_window_lookup_page:
 *
 * Returns: (nullable): the page called @name
 */
const LotsenPageInfo *
lotsen_window_lookup_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return &pages[i];

  return NULL;
}

/* Arms the idle timer while there is anything of the visitor's to wipe. */
void
lotsen_window_update_idle (LotsenWindow *self)
{
  if (self->idle == NULL)
    return;

  lotsen_idle_monitor_set_armed (self->idle,
                                 lotsen_visit_has_state (self->visit) ||
                                 lotsen_window_has_view_choices (self) ||
                                 g_strcmp0 (lotsen_i18n_get_language (), self->default_language) != 0);
  lotsen_idle_monitor_note_activity (self->idle);
}

/* Takes @page in and every other page out, so that only what is on
 * screen can be reached (by touch, keyboard or screen reader). */
static void
replace_pages (LotsenWindow *self,
               GtkWidget    *page)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));

  gtk_stack_set_visible_child (self->pages, page);
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != page)
        gtk_stack_remove (self->pages, child);
      child = next;
    }
}

/**
 * lotsen_window_show_page:
 * @name: a page from the page table
 *
 * Shows @name, or where the visit and staff mode lead instead (a staff
 * page asks for the PIN while locked), and makes the page anew unless it
 * is already on screen.
 */
/* GTK 4.8 puts a scroll bar on the left, as right-to-left pages have
 * it, outside the scrolled window, where nobody sees it: the scroll bars
 * of a right-to-left page stay on the right, in sight. */
static void
keep_scroll_bars_in_sight (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    gtk_scrolled_window_set_placement (GTK_SCROLLED_WINDOW (widget), GTK_CORNER_TOP_RIGHT);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    keep_scroll_bars_in_sight (child);
}

void
lotsen_window_show_page (LotsenWindow *self,
                         const char   *name)
{
  const LotsenPageInfo *info;
  GtkWidget *page = NULL;
  gboolean fresh;

  if (self->store == NULL || self->out_of_order)
    name = "problem";
  else
    name = lotsen_visit_resolve_page (self->visit, name);

  info = lotsen_window_lookup_page (name);
  if (info == NULL || (self->store != NULL && !self->out_of_order && g_str_equal (name, "problem")))
    {
      g_warning ("No page called “%s”", name);
      info = lotsen_window_lookup_page ("welcome");
    }
  if (info->needs_unlock && !lotsen_staff_session_get_unlocked (self->staff))
    info = lotsen_window_lookup_page ("staff-pin");

  /* Leaving staff mode locks it. */
  if (!info->staff && self->staff != NULL)
    lotsen_staff_session_lock (self->staff);

  if (g_str_equal (info->name, lotsen_window_get_page_name (self)))
    page = gtk_stack_get_child_by_name (self->pages, info->name);
  if (page == NULL)
    {
      page = info->create (self);
      keep_scroll_bars_in_sight (page);
      gtk_stack_add_named (self->pages, page, info->name);
    }

  if (info->refresh != NULL && !info->refresh (self, page))
    {
      if (page != gtk_stack_get_visible_child (self->pages))
        gtk_stack_remove (self->pages, page);
      lotsen_window_show_page (self, info->fallback);
      return;
    }

  /* A message is about the page it was shown on (or the one shown
   * because of it): gone when the visitor goes on. */
  if (!self->message_fresh && !g_str_equal (info->name, lotsen_window_get_page_name (self)))
    lotsen_window_hide_message (self);
  self->message_fresh = FALSE;

  fresh = page != gtk_stack_get_visible_child (self->pages);
  replace_pages (self, page);
  if (self->visit != NULL)
    lotsen_visit_set_page (self->visit, info->name);

  /* Staff screens are not the visitor's: no language bar there.  The
   * first screen shows every language itself, and its own staff button. */
  lotsen_window_show_languages (self, FALSE);
  gtk_widget_set_visible (self->language_bar, !info->staff && !g_str_equal (info->name, "welcome"));
  gtk_widget_set_visible (self->view_options, !info->staff);
  gtk_widget_set_visible (self->read_aloud, !info->staff);
  lotsen_window_update_idle (self);

  /* What was being said belongs to the screen that went; in audio mode
   * the new one says its heading and instruction. */
  if (fresh)
    {
      g_clear_weak_pointer (&self->armed);
      lotsen_audio_player_stop (self->audio);
      lotsen_read_aloud_set_unavailable (LOTSEN_READ_ALOUD (self->read_aloud), FALSE);
      if (!info->staff && lotsen_window_get_audio_mode (self))
        lotsen_window_speak_screen (self, FALSE);
    }
}

const char *
lotsen_window_get_page_name (LotsenWindow *self)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return self->visit && !self->out_of_order ? lotsen_visit_get_page (self->visit) : "problem";
}

/**
 * lotsen_window_get_page:
 *
 * Returns: (transfer none) (nullable): the page called @name if it is the
 *   one on screen (no other page exists)
 */
GtkWidget *
lotsen_window_get_page (LotsenWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (LOTSEN_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->pages, name);
}
