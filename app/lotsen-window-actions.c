/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-window-actions.c — the window's actions (win.*).
 *
 * Each one hands the visitor's or the staff's request to the visit or to
 * the staff session, which check it and change the store, and then shows
 * the page that follows.  No action runs SQL, and no staff action runs
 * while staff mode is locked, however it was reached.
 */

#define G_LOG_DOMAIN "lotsen-window"

#include "config.h"

#include "lotsen-i18n.h"
#include "lotsen-printer.h"
#include "lotsen-ticket-pdf.h"
#include "lotsen-window-private.h"

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lotsen_window_show_page (LOTSEN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
go_home_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_forget_next_page (self->visit);
  lotsen_window_show_page (self, "welcome");
}

static void
finish_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  lotsen_window_reset_visit (LOTSEN_WINDOW (widget));
}

static void
still_here_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lotsen_idle_monitor_note_activity (LOTSEN_WINDOW (widget)->idle);
}

static void
print_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(LotsenWindow) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  gboolean printed = lotsen_printer_print_finish (result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;

  g_clear_pointer (&self->printer_problem, g_free);
  if (printed)
    return;

  g_message ("Printing a ticket: %s", error->message);
  self->printer_problem = g_strdup (error->message);
  /* The ticket is stored and on screen; the visitor only learns there is
   * no paper one. */
  if (g_strcmp0 (lotsen_window_get_page_name (self), "ticket") == 0)
    lotsen_window_toast (self, _("Your ticket could not be printed. Please remember the number on the screen."));
}

/* The ticket printer's queue and paper, or NULL when none is set. */
static char *
get_printer (LotsenWindow *self,
             LotsenPaper  *paper)
{
  g_autofree char *queue = self->settings ? g_settings_get_string (self->settings, "ticket-printer") : NULL;
  g_autofree char *paper_name = NULL;

  if (queue == NULL || *queue == '\0')
    return NULL;

  *paper = LOTSEN_PAPER_80MM;
  paper_name = g_settings_get_string (self->settings, "ticket-paper");
  lotsen_paper_from_string (paper_name, paper);

  return g_steal_pointer (&queue);
}

static void
send_to_printer (LotsenWindow *self,
                 const char   *queue,
                 GBytes       *pdf,
                 const char   *title,
                 GError       *error)
{
  GWeakRef *ref;

  if (pdf == NULL)
    {
      g_message ("Drawing %s to print: %s", title, error->message);
      g_clear_pointer (&self->printer_problem, g_free);
      self->printer_problem = g_strdup (error->message);
      return;
    }

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  lotsen_printer_print_async (queue, pdf, title, NULL, print_done_cb, ref);
}

/* With a ticket printer set, the ticket just taken is printed; nothing
 * waits for the printer, and the ticket is already stored. */
static void
print_ticket (LotsenWindow *self)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  LotsenPaper paper;
  g_autofree char *queue = get_printer (self, &paper);

  if (queue == NULL)
    return;

  ticket = lotsen_queue_get_ticket (self->store, lotsen_visit_get_ticket_id (self->visit), &error);
  if (ticket != NULL)
    pdf = lotsen_ticket_pdf_render (self->store, ticket, paper, &error);
  send_to_printer (self, queue, pdf, ticket ? ticket->label : "ticket", error);
}

/* …and so is a new visitor's personal code, with its QR code. */
static void
print_code (LotsenWindow *self)
{
  const char *code = lotsen_visit_get_visitor_code (self->visit);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  LotsenPaper paper;
  g_autofree char *queue = get_printer (self, &paper);

  if (queue == NULL || code == NULL)
    return;

  pdf = lotsen_code_pdf_render (code, lotsen_i18n_get_language (), paper, &error);
  send_to_printer (self, queue, pdf, "code", error);
}

static void
take_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lotsen_visit_take_ticket (self->visit, g_variant_get_string (parameter, NULL),
                                 lotsen_i18n_get_language (), &error))
    {
      g_warning ("Taking a ticket: %s", error->message);
      lotsen_window_toast (self, _("No ticket could be made. Please try again, or ask the staff."));
      return;
    }

  lotsen_window_show_page (self, "ticket");
  print_ticket (self);
}

static void
set_interpreter_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lotsen_visit_set_interpreter (self->visit, g_variant_get_string (parameter, NULL), &error))
    {
      g_warning ("Asking for an interpreter: %s", error->message);
      lotsen_window_toast (self, _("Your interpreter request could not be saved. Please tell the staff when you are called."));
    }

  lotsen_window_show_page (self, "ticket");
}

static void
accept_consent_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *next = lotsen_visit_accept_consent (self->visit, &error);

  if (next == NULL)
    lotsen_window_toast (self, error->message);
  else
    lotsen_window_show_page (self, next);
}

/* "No, thank you": nothing is stored, and nothing stays on screen. */
static void
decline_consent_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_decline_consent (self->visit);
  lotsen_window_show_page (self, "welcome");
}

static void
cancel_registration_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_cancel_registration (self->visit);
  lotsen_window_show_page (self, "welcome");
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (lotsen_visit_get_draft (self->visit) == NULL)
    return;

  if (!lotsen_visit_register (self->visit, lotsen_i18n_get_language (), &error))
    {
      g_warning ("Registering: %s", error->message);
      lotsen_window_toast (self, error->message);
      return;
    }

  lotsen_window_show_page (self, "code");
  print_code (self);
}

static void
code_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_code_key (self->visit, g_variant_get_string (parameter, NULL));
  lotsen_window_show_page (self, "sign-in");
}

static void
code_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_code_delete (self->visit);
  lotsen_window_show_page (self, "sign-in");
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_window_show_page (self, lotsen_visit_sign_in (self->visit));
}

/* "Do you work or study now?", answered with one tap. */
static void
answer_outcome_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_window_show_page (self, lotsen_visit_answer_outcome (self->visit,
                                                              g_variant_get_string (parameter, NULL)));
}

static void
choose_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_choose_session (self->visit, g_variant_get_int64 (parameter));
  lotsen_window_show_page (self, "signup");
}

static void
sign_up_with_code_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_sign_up_with_code (self->visit);
  lotsen_window_show_page (self, "sign-in");
}

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  if (lotsen_visit_get_signup_form (self->visit) == NULL)
    return;

  lotsen_visit_sign_up (self->visit);
  lotsen_window_show_page (self, "signup");
}

static void
cancel_signup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_ask_cancel_signup (self->visit, g_variant_get_int64 (parameter));
  lotsen_window_show_page (self, "my-signups");
}

static void
confirm_cancel_signup_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (lotsen_visit_cancel_signup (self->visit, g_variant_get_int64 (parameter), &error))
    lotsen_window_toast (self, _("Your sign-up is cancelled."));
  else if (error != NULL)
    lotsen_window_toast (self, error->message);

  lotsen_window_show_page (self, "my-signups");
}

static void
keep_signup_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_visit_ask_cancel_signup (self->visit, 0);
  lotsen_window_show_page (self, "my-signups");
}

static void
pin_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_staff_session_pin_key (self->staff, g_variant_get_string (parameter, NULL));
  lotsen_window_show_page (self, "staff-pin");
}

static void
pin_delete_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_staff_session_pin_delete (self->staff);
  lotsen_window_show_page (self, "staff-pin");
}

static void
pin_ok_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);

  lotsen_window_show_page (self, lotsen_staff_session_pin_ok (self->staff) ? "staff" : "staff-pin");
}

static void
call_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  if (!lotsen_staff_session_get_unlocked (self->staff))
    {
      g_message ("Calling a ticket while staff mode is locked: the PIN first");
      lotsen_window_show_page (self, "staff-pin");
      return;
    }

  ticket = lotsen_staff_session_call_next (self->staff, g_variant_get_int32 (parameter), &error);
  if (error != NULL)
    lotsen_window_toast (self, error->message);
  else if (ticket == NULL)
    lotsen_window_toast (self, _("No ticket is waiting."));

  lotsen_window_show_page (self, "staff");
}

static void
finish_ticket_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LotsenTicketStatus status;

  if (!lotsen_staff_session_get_unlocked (self->staff))
    {
      g_message ("Closing a ticket while staff mode is locked: the PIN first");
      lotsen_window_show_page (self, "staff-pin");
      return;
    }

  status = g_str_equal (g_variant_get_string (parameter, NULL), "done")
           ? LOTSEN_TICKET_DONE : LOTSEN_TICKET_NO_SHOW;
  if (!lotsen_staff_session_finish_ticket (self->staff, status, &error))
    lotsen_window_toast (self, error->message);

  lotsen_window_show_page (self, "staff");
}

static void
recall_ticket_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lotsen_staff_session_get_unlocked (self->staff))
    {
      g_message ("Calling a ticket again while staff mode is locked: the PIN first");
      lotsen_window_show_page (self, "staff-pin");
      return;
    }

  if (!lotsen_staff_session_recall (self->staff, &error))
    lotsen_window_toast (self, error->message);

  lotsen_window_show_page (self, "staff");
}

static void
transfer_ticket_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lotsen_staff_session_get_unlocked (self->staff))
    {
      g_message ("Sending a ticket on while staff mode is locked: the PIN first");
      lotsen_window_show_page (self, "staff-pin");
      return;
    }

  if (!lotsen_staff_session_transfer (self->staff, g_variant_get_string (parameter, NULL), &error))
    lotsen_window_toast (self, error->message);

  lotsen_window_show_page (self, "staff");
}

/* "close" or "restart", from the staff panel: audited, then handed to the
 * application (app.end-kiosk), which quits. */
static void
end_kiosk_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *how = g_variant_get_string (parameter, NULL);

  if (!lotsen_staff_session_get_unlocked (self->staff))
    {
      g_message ("Closing the kiosk while staff mode is locked: the PIN first");
      lotsen_window_show_page (self, "staff-pin");
      return;
    }

  if (!lotsen_staff_session_end_kiosk (self->staff, g_str_equal (how, "restart"), &error))
    {
      g_warning ("Ending the kiosk: %s", error->message);
      lotsen_window_toast (self, _("The kiosk could not record this. Please try again."));
      return;
    }

  gtk_widget_activate_action (widget, "app.end-kiosk", "s", how);
}

/* The backup offered after damage at start-up, from the staff panel: put
 * in place of the new, empty database, then the kiosk restarts on it. */
static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LotsenWindow *self = LOTSEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = NULL;

  if (!lotsen_staff_session_get_unlocked (self->staff))
    {
      lotsen_window_show_page (self, "staff-pin");
      return;
    }

  if (self->offered_backup == NULL)
    return;

  if (!lotsen_staff_session_restore_backup (self->staff, self->offered_backup, &kept_as, &error))
    {
      g_warning ("Restoring %s: %s", self->offered_backup, error->message);
      /* Translators: shown to staff when the offered backup could not be put back. */
      lotsen_window_toast (self, _("The backup could not be restored. The kiosk goes on with the database it has."));
      return;
    }

  g_message ("Staff restored %s (the database in use was kept as %s); restarting",
             self->offered_backup, kept_as ? kept_as : "nothing");
  g_clear_pointer (&self->offered_backup, g_free);
  g_clear_pointer (&self->moved_aside, g_free);
  gtk_widget_activate_action (widget, "app.end-kiosk", "s", "restart");
}

static void
close_message_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  lotsen_window_hide_message (LOTSEN_WINDOW (widget));
}

/* The language button on top of every page but the first. */
static void
choose_language_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  lotsen_window_show_languages (LOTSEN_WINDOW (widget), TRUE);
}

static void
close_languages_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  lotsen_window_show_languages (LOTSEN_WINDOW (widget), FALSE);
}

static const struct {
  const char               *name;
  const char               *parameter_type;
  GtkWidgetActionActivateFunc activate;
} actions[] = {
  { "win.show-page",             "s",  show_page_action },
  { "win.choose-language",       NULL, choose_language_action },
  { "win.close-languages",       NULL, close_languages_action },
  { "win.go-home",               NULL, go_home_action },
  { "win.finish-visit",          NULL, finish_visit_action },
  { "win.still-here",            NULL, still_here_action },
  { "win.take-ticket",           "s",  take_ticket_action },
  { "win.set-interpreter",       "s",  set_interpreter_action },
  { "win.accept-consent",        NULL, accept_consent_action },
  { "win.decline-consent",       NULL, decline_consent_action },
  { "win.register",              NULL, register_action },
  { "win.cancel-registration",   NULL, cancel_registration_action },
  { "win.code-key",              "s",  code_key_action },
  { "win.code-delete",           NULL, code_delete_action },
  { "win.sign-in",               NULL, sign_in_action },
  { "win.answer-outcome",        "s",  answer_outcome_action },
  { "win.choose-session",        "x",  choose_session_action },
  { "win.sign-up-with-code",     NULL, sign_up_with_code_action },
  { "win.sign-up",               NULL, sign_up_action },
  { "win.cancel-signup",         "x",  cancel_signup_action },
  { "win.confirm-cancel-signup", "x",  confirm_cancel_signup_action },
  { "win.keep-signup",           NULL, keep_signup_action },
  { "win.pin-key",               "s",  pin_key_action },
  { "win.pin-delete",            NULL, pin_delete_action },
  { "win.pin-ok",                NULL, pin_ok_action },
  { "win.call-next",             "i",  call_next_action },
  { "win.finish-ticket",         "s",  finish_ticket_action },
  { "win.recall-ticket",         NULL, recall_ticket_action },
  { "win.transfer-ticket",       "s",  transfer_ticket_action },
  { "win.end-kiosk",             "s",  end_kiosk_action },
  { "win.restore-backup",        NULL, restore_backup_action },
  { "win.close-message",         NULL, close_message_action },
};

void
lotsen_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.language", "language");
  gtk_widget_class_install_property_action (widget_class, "win.category", "category");
  gtk_widget_class_install_property_action (widget_class, "win.text-size", "text-scale");
  gtk_widget_class_install_property_action (widget_class, "win.high-contrast", "high-contrast");

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
}

/**
 * lotsen_window_disable_actions:
 *
 * With no store there is nothing to act on: every action but the
 * language is off, and the kiosk says it is out of order.
 */
void
lotsen_window_disable_actions (LotsenWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i].name,
                                   g_str_equal (actions[i].name, "win.choose-language") ||
                                   g_str_equal (actions[i].name, "win.close-languages"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.category", FALSE);
}
