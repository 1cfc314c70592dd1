/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-ticket-page.c — the visitor's number, place in line and wait.
 *
 * The screen goes back to the start by itself after a while, counting the
 * seconds down where the visitor can see them, and "More time" starts the
 * count again (WCAG 2.2.1).
 */

#include "config.h"

#include "lotsen-format.h"
#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-language-grid.h"
#include "lotsen-ticket-page.h"
#include "lotsen-tile.h"

struct _LotsenTicketPage
{
  GtkWidget   parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel   *service_label;
  GtkLabel   *number_label;
  GtkLabel   *ahead_label;
  GtkLabel   *wait_label;
  GtkStack   *interpreter_stack;
  GtkFlowBox *interpreter_languages;
  GtkLabel   *interpreter_label;
  GtkLabel   *countdown_label;

  LotsenClock *clock;
  gulong      tick_id;
  guint       seconds;
  guint       seconds_left;
  gint64      deadline;  /* while counting: when the screen goes back to the start */
  guint       scroll_ticks;
};

G_DEFINE_FINAL_TYPE (LotsenTicketPage, lotsen_ticket_page, GTK_TYPE_WIDGET)

static void
update_countdown_label (LotsenTicketPage *self)
{
  g_autofree char *text =
    g_strdup_printf (ngettext ("Back to the start in %u second.",
                               "Back to the start in %u seconds.",
                               self->seconds_left),
                     self->seconds_left);

  gtk_label_set_text (self->countdown_label, text);
}

/* On the clock's ticks, so tests move the countdown by moving the clock. */
static void
tick_cb (LotsenClock      *clock,
         gint64            now,
         LotsenTicketPage *self)
{
  if (self->deadline == 0)
    return;

  self->seconds_left = (guint) CLAMP (self->deadline - now, 0, self->seconds);
  update_countdown_label (self);

  if (self->seconds_left == 0)
    {
      self->deadline = 0;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.finish-visit", NULL);
    }
}

static void
restart_countdown (LotsenTicketPage *self)
{
  self->seconds_left = self->seconds;
  update_countdown_label (self);

  /* Only while the ticket is on screen. */
  self->deadline = 0;
  if (self->seconds > 0 && self->clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->deadline = lotsen_clock_get_now (self->clock) + self->seconds;
}

static void
lotsen_ticket_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lotsen_ticket_page_parent_class)->map (widget);

  restart_countdown (LOTSEN_TICKET_PAGE (widget));
}

static void
lotsen_ticket_page_unmap (GtkWidget *widget)
{
  LotsenTicketPage *self = LOTSEN_TICKET_PAGE (widget);

  self->deadline = 0;

  GTK_WIDGET_CLASS (lotsen_ticket_page_parent_class)->unmap (widget);
}

static void
more_time_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  restart_countdown (LOTSEN_TICKET_PAGE (widget));
}

static gboolean
scroll_to_question_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  LotsenTicketPage *self = LOTSEN_TICKET_PAGE (widget);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;

  /* A tick comes before the layout of its frame: the first one sees the
   * page as it was. */
  if (self->scroll_ticks++ == 0)
    return G_SOURCE_CONTINUE;

  if (content != NULL &&
      gtk_widget_compute_bounds (GTK_WIDGET (self->interpreter_stack), content, &bounds))
    gtk_adjustment_set_value (adjustment, MAX (bounds.origin.y - 4, 0));

  return G_SOURCE_REMOVE;
}

static void
choose_interpreter_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LotsenTicketPage *self = LOTSEN_TICKET_PAGE (widget);

  gtk_stack_set_visible_child_name (self->interpreter_stack, "choose");
  restart_countdown (self);
  /* Twenty languages and more do not fit under the ticket on a small
   * screen: once laid out, the page scrolls to the question. */
  self->scroll_ticks = 0;
  gtk_widget_add_tick_callback (widget, scroll_to_question_cb, NULL, NULL);
}

static void
lotsen_ticket_page_dispose (GObject *object)
{
  LotsenTicketPage *self = LOTSEN_TICKET_PAGE (object);

  if (self->clock != NULL)
    g_clear_signal_handler (&self->tick_id, self->clock);
  g_clear_object (&self->clock);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_TICKET_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_ticket_page_parent_class)->dispose (object);
}

static void
lotsen_ticket_page_class_init (LotsenTicketPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_ticket_page_dispose;
  widget_class->map = lotsen_ticket_page_map;
  widget_class->unmap = lotsen_ticket_page_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-ticket-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, service_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, ahead_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, wait_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, interpreter_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, interpreter_languages);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, interpreter_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenTicketPage, countdown_label);

  gtk_widget_class_install_action (widget_class, "ticket.more-time", NULL, more_time_action);
  gtk_widget_class_install_action (widget_class, "ticket.choose-interpreter", NULL, choose_interpreter_action);
}

static void
lotsen_ticket_page_init (LotsenTicketPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lotsen_ticket_page_new:
 * @seconds: how long the ticket stays on screen; 0 keeps it
 * @clock: what counts the seconds down
 * @interpreters: (nullable): the interpreter languages offered, by code
 */
GtkWidget *
lotsen_ticket_page_new (guint               seconds,
                        LotsenClock        *clock,
                        const char * const *interpreters)
{
  LotsenTicketPage *self;

  g_return_val_if_fail (LOTSEN_IS_CLOCK (clock), NULL);

  self = g_object_new (LOTSEN_TYPE_TICKET_PAGE, NULL);
  for (guint i = 0; interpreters != NULL && interpreters[i] != NULL; i++)
    {
      const LotsenInterpreterLanguage *language = lotsen_interpreter_lookup (interpreters[i]);

      if (language != NULL)
        gtk_flow_box_append (self->interpreter_languages,
                             lotsen_interpreter_button_new (language, "win.set-interpreter"));
    }

  self->seconds = seconds;
  self->clock = g_object_ref (clock);
  self->tick_id = g_signal_connect (clock, "tick", G_CALLBACK (tick_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), seconds > 0);

  return GTK_WIDGET (self);
}

/**
 * lotsen_ticket_page_set_ticket:
 * @service_name: the service's name in the visitor's language
 *
 * Shows @ticket and starts the count back to the start screen.
 */
void
lotsen_ticket_page_set_ticket (LotsenTicketPage         *self,
                               const LotsenTicket       *ticket,
                               const char               *service_name,
                               const LotsenWaitEstimate *estimate)
{
  const LotsenInterpreterLanguage *interpreter;
  g_autofree char *ahead = NULL;
  g_autofree char *wait = NULL;

  g_return_if_fail (LOTSEN_IS_TICKET_PAGE (self));
  g_return_if_fail (ticket != NULL && estimate != NULL);

  gtk_label_set_text (self->service_label, service_name);
  gtk_label_set_text (self->number_label, ticket->label);

  if (estimate->ahead == 0)
    {
      ahead = g_strdup (_("You are next."));
      /* Translators: the wait when nobody is ahead in the queue. */
      wait = g_strdup (_("You will be called very soon."));
    }
  else
    {
      ahead = g_strdup_printf (ngettext ("%d person is ahead of you.",
                                         "%d people are ahead of you.",
                                         estimate->ahead),
                               estimate->ahead);
      /* Translators: an estimated range of minutes, e.g. "You will wait about 10–20 minutes." */
      wait = g_strdup_printf (_("You will wait about %d–%d minutes."),
                              estimate->min_minutes, estimate->max_minutes);
    }
  gtk_label_set_text (self->ahead_label, ahead);
  gtk_label_set_text (self->wait_label, wait);

  interpreter = lotsen_interpreter_lookup (ticket->interpreter_lang);
  if (interpreter != NULL)
    {
      /* Translators: %s is a language's own name, such as "العربية". */
      g_autofree char *text = g_strdup_printf (_("You asked for an interpreter: %s"),
                                               interpreter->native_name);

      gtk_label_set_text (self->interpreter_label, text);
      gtk_stack_set_visible_child_name (self->interpreter_stack, "chosen");
    }
  else
    gtk_stack_set_visible_child_name (self->interpreter_stack, "ask");

  restart_countdown (self);
}

guint
lotsen_ticket_page_get_seconds_left (LotsenTicketPage *self)
{
  g_return_val_if_fail (LOTSEN_IS_TICKET_PAGE (self), 0);

  return self->seconds_left;
}
