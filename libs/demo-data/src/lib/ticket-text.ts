import type { Intent } from '@quimbi/contracts';

import type { CustomerTone } from './types';

/**
 * Message templates for demo tickets. Syntax (see `render`): `[a|b]` picks one alternative,
 * `[text]` is optional, `{slot}` is filled from the ticket's context. In `short` templates,
 * ` || ` separates chat turns (SMS joins them into one text).
 */
export interface ScenarioText {
  /** Short label used for phone / voicemail / form subjects. */
  topic: string;
  subjects: string[];
  /** Email and contact-form body (greeting and sign-off are added separately). */
  long: string[];
  /** SMS text or chat turns. */
  short: string[];
  /** What the caller said (phone transcripts and voicemails). */
  spoken: string[];
}

export const SCENARIO_TEXT: Record<string, ScenarioText> = {
  'order_status/stalled': {
    topic: 'Order {order} stuck in transit',
    subjects: [
      "Order {order} hasn't moved in {daysNoScan}",
      'Tracking not updating for order {order}',
      '[Where is|Status of] my order {order}?',
      '{carrier} tracking stuck since {lastScan}',
      'Package stuck in transit ({order})',
    ],
    long: [
      "I ordered [the {product}|{items}] on {orderDate} (order {order}) and the {carrier} tracking hasn't updated since {lastScanDay}. The last scan just says '{trackingDetail}'. [It's been {daysNoScan} with no movement at all.|Nothing has changed for {daysNoScan}.] [Can you check with {carrier} what's going on?|Is it lost?|Could you please look into it?]",
      'My order {order} seems to be stuck. Tracking number {tracking} shows the last update on {lastScan} and nothing since. [It was supposed to arrive by {eta}.|The estimated delivery was {eta}.] [I need it for [a birthday|a trip|my daughter\'s birthday|a wedding] this weekend.]',
      "Could you tell me where my package is? Order {order} was placed {daysSinceOrder} ago. {carrier} shows it in transit but there hasn't been a scan since {lastScan}. [I've checked the {carrier} website every day.|I called {carrier} and they told me to contact the sender.]",
      "Quick question about order {order}. The tracking ({tracking}) has been frozen at '{trackingDetail}' for {daysNoScan}. Is there anything you can do on your end[, like opening a trace with {carrier}]?",
    ],
    short: [
      'hi, order {order} tracking hasnt moved since {lastScan}. is it lost?',
      'Hello, my {carrier} tracking for {order} is stuck on in transit for {daysNoScan} now. Can you check?',
      'Where is my order {order}?? no update since {lastScanDay}',
      "hi there || my package hasn't moved in {daysNoScan} || order {order}",
      'Tracking {tracking} stuck since {lastScan}. Order {order}. Any news?',
    ],
    spoken: [
      "Hi, yeah, I'm calling about my order, {orderNo}. The tracking's been stuck for like {daysNoScan}. It just says in transit and nothing else. I tried {carrier} and they said to call you guys.",
      "Hello, um, I placed an order on {orderDate} and it still hasn't come. The tracking hasn't updated since {lastScanDay}. Can you find out where it is?",
    ],
  },
  'order_status/late': {
    topic: 'Late delivery, order {order}',
    subjects: [
      'Order {order} is late',
      'Delivery was due {eta}, still nothing',
      'Late delivery: order {order}',
      'Still waiting for order {order}',
    ],
    long: [
      "My order {order} was supposed to arrive on {eta} but it's still not here. Tracking shows it's still in transit with {carrier}. [Can you tell me when I can expect it?|Is there a new delivery date?]",
      'I placed order {order} on {orderDate} and the estimated delivery date ({eta}) has come and gone. [I chose this order because of the delivery date.] Can you give me an update please?',
      "Just wondering what's happening with order {order}. It's now {daysLate} past the delivery date. Tracking number is {tracking}.",
    ],
    short: [
      'my order {order} was due {eta} and still not here. when will it arrive?',
      'Hi, order {order} is late, was supposed to come on {etaDay}. Any update?',
      'hello || order {order} still hasnt arrived || delivery date was {eta}',
    ],
    spoken: [
      "Yes hi, I'm calling because my order was supposed to be delivered on {eta} and it's still not here. Order {orderNo}. Tracking just says in transit.",
      "Hi, I'm waiting on order {orderNo}, it was meant to come on {etaDay}. Do you know what's happening with it?",
    ],
  },
  'order_status/exception': {
    topic: 'Delivery exception on {order}',
    subjects: [
      'Delivery exception on order {order}',
      "{carrier} says there's a problem with my delivery",
      'Order {order}: tracking shows an exception',
      'Problem with my delivery ({order})',
    ],
    long: [
      "I just checked the tracking for order {order} and it says '{trackingDetail}'. [My address is correct as far as I can tell.|I don't understand, the address on the order is right.] What do I need to do to get my package?",
      "{carrier} is showing a delivery exception for {tracking}. [I was home all day and nobody knocked.|There's a buzzer, they just didn't use it.] Can you sort this out with them[ or resend the order]?",
      "My order {order} ({items}) has had the status '{trackingDetail}' since {lastScan}. What happens now? Will it be redelivered or sent back to you?",
    ],
    short: [
      'tracking for {order} says {trackingDetailShort}. what do i do??',
      'Hi, {carrier} says delivery exception on my order {order}. Can you help?',
      'hey || my order {order} says exception on the tracking || address is correct',
    ],
    spoken: [
      "Hi, so I got a notification from {carrier} that there's a problem delivering my parcel. It says something like {trackingDetailShort}. The order is {orderNo}. My address is in {city}, it should be fine.",
      "Hello, my tracking says there was an exception, and I don't know what that means. Order {orderNo}. Is it coming or not?",
    ],
  },
  'order_status/not_shipped': {
    topic: 'Order {order} not shipped yet',
    subjects: [
      "Order {order} hasn't shipped yet",
      'When will my order ship?',
      'No shipping confirmation for {order}',
      'Order placed {orderDate}, still processing?',
    ],
    long: [
      "I placed order {order} on {orderDate} and I still haven't received a shipping confirmation. [Your site says orders ship within 1-2 business days.|It's been {daysSinceOrder} already.] Is there a problem with my order?",
      "Could you let me know when order {order} will be shipped? [The status has said 'unfulfilled' for {daysSinceOrder}.] [Is the {product} out of stock?|Is something on backorder?]",
      "My order ({order}, {items}) is still showing as not shipped after {daysSinceOrder}. If it's not going out soon I'd rather cancel.",
    ],
    short: [
      'hi when will order {order} ship? ordered {orderDate}',
      'Order {order} still not shipped after {daysSinceOrder}??',
      'hi || placed an order {daysSinceOrder} ago and no tracking yet || {order}',
    ],
    spoken: [
      "Hi, I ordered the {product} on {orderDate} and I never got a shipping email. I just want to know if it's actually coming. Order {orderNo}.",
      "Hello, my order {orderNo} still says processing after {daysSinceOrder}. Is something out of stock?",
    ],
  },
  'order_status/delivered_not_received': {
    topic: 'Marked delivered, not received ({order})',
    subjects: [
      'Tracking says delivered but I never got it',
      'Order {order} marked delivered, not received',
      'Package not received ({order})',
      'Missing package',
    ],
    long: [
      "The tracking for order {order} says it was delivered on {deliveredDate} ('{trackingDetail}') but there's nothing here. [I've checked with my neighbours and the building office.|I checked around the house, the garage, everywhere.] Can you help?",
      '{carrier} marked my package as delivered on {deliveredDay} but I never received it. Order {order}, tracking {tracking}. [Could it have gone to the wrong address?|Is there a photo of where it was left?]',
      "My order {order} shows delivered but I don't have it. [There have been package thefts on my street.|I was home all day and nobody came.] What can you do?",
    ],
    short: [
      'tracking says delivered but i dont have my package. order {order}',
      'Hi, {order} marked delivered {deliveredDay} but nothing at my door',
      "hi || my order says delivered || but it's not here || {order}",
    ],
    spoken: [
      "Hi, um, my order says it was delivered on {deliveredDate} but I never got anything. I've looked everywhere. Order number {orderNo}.",
    ],
  },
  'order_status/where_is_my_order': {
    topic: 'Delivery status of {order}',
    subjects: [
      'Order status {order}',
      'Where is my order?',
      'Question about delivery of {order}',
      'When will {order} arrive?',
    ],
    long: [
      "Could you let me know the status of order {order}? I ordered [the {product}|{items}] on {orderDate}[ and I'm hoping to get it before the weekend].",
      "Just checking when my order {order} is expected to arrive. [I see it shipped with {carrier} but the tracking page isn't very clear.|The tracking just says in transit.]",
      "I haven't received my order {order} yet. Can you tell me where it is and when it will be delivered?",
    ],
    short: [
      'Hi! When will order {order} arrive?',
      'where is my order {order}',
      'hi, any eta on {order}?',
      "hi || just wondering when my order will get here || it's {order}",
    ],
    spoken: [
      "Hi there, I'm just calling to check on an order I placed on {orderDate}. It's order {orderNo}. When should I expect it?",
    ],
  },
  'refund/where_is_refund': {
    topic: 'Refund not received for {order}',
    subjects: [
      'Where is my refund?',
      'Refund for order {order} not received',
      'Still no refund for my return',
      'Refund status, order {order}',
    ],
    long: [
      "I returned [the {product}|my items] from order {order} [and got an email saying you received it|a while ago], but I still haven't seen the refund of {refundAmount}. [It's been {daysSinceRefund}.] When will it show up on my card?",
      "Can you check the status of my refund for order {order}? I was told it was processed on {refundDate} but there's nothing on my statement yet.",
      "I'm still waiting on a refund ({refundAmount}) for order {order}. [How long does it usually take?|Your policy says 5-7 business days and it's been longer than that.]",
    ],
    short: [
      'hi where is my refund for {order}? sent it back ages ago',
      'Refund of {refundAmount} for order {order} still not in my account',
      'hello || i sent back my return || still no refund || order {order}',
    ],
    spoken: [
      "Hi, I'm calling about a refund. I sent back the {product} from order {orderNo} and I still don't have my money. It's {refundAmount}.",
      "Yes hello, I was told my refund for order {orderNo} was done on {refundDate} but my bank doesn't show anything.",
    ],
  },
  'refund/request': {
    topic: 'Refund request for {order}',
    subjects: ['Refund request, order {order}', "I'd like a refund", 'Requesting a refund for the {product}'],
    long: [
      "I received order {order} and [I'm really not happy with the {product}|the {product} isn't what I expected|the {product} doesn't work as described]. I'd like a full refund please[ rather than store credit].",
      'Can I get a refund for order {order}? [It arrived so late that I had to buy something else.|I ended up not needing it.|The quality is not what I paid {total} for.]',
    ],
    short: [
      'hi can i get a refund for order {order}?',
      'I want a refund for the {product} ({order})',
      "hi || i'd like to get a refund || order {order}",
    ],
    spoken: [
      "Yes, I want to request a refund for my order {orderNo}. The {product} is just not what I expected and I'd like my money back.",
    ],
  },
  'return/how_to': {
    topic: 'Return the {product}',
    subjects: ['How do I return an item?', 'Return for order {order}', 'Return label request', 'Returning the {product}'],
    long: [
      "I'd like to return the {product} from order {order}. [It doesn't fit.|It's not quite what I was looking for.|I ordered the wrong one.] Could you send me a return label or tell me how to start the return?",
      'How do I return part of my order ({order})? I want to send back the {product} but keep the rest.',
      "Is it possible to return the {product}? I got it on {deliveredDate}[ and haven't used it|, it's still in the box].",
    ],
    short: [
      'how do i return something? order {order}',
      'Hi, I want to return the {product} from {order}. Can you send a label?',
      "hi || can i return an item? || it's from order {order}",
    ],
    spoken: [
      "Hi, I'd like to return something. It's the {product} from order {orderNo}. How does that work, do you send a label?",
    ],
  },
  'return/status': {
    topic: 'Return status for {order}',
    subjects: ['Return status for order {order}', 'Did you receive my return?', 'Return sent back on {returnDate}'],
    long: [
      "I requested a return for the {product} (order {order}) on {returnDate}. [I haven't heard anything since.|I dropped it off at the post office and haven't had an update.] Can you confirm you've got it?",
      "Could you tell me the status of my return for order {order}? I want to make sure it's being processed.",
    ],
    short: ['did you get my return for {order}?', 'Hi, return for {order} sent {returnDate}. Any update?'],
    spoken: [
      'Hi, I sent a return back on {returnDate}, order {orderNo}, and I just want to make sure you received it.',
    ],
  },
  'return/exchange': {
    topic: 'Size exchange for {order}',
    subjects: ['Exchange for a different size', 'Size exchange, order {order}', 'Can I swap the {product} for a {altVariant}?'],
    long: [
      'The {product} I ordered in {variant} is [too small|too big|a bit tight|too loose]. Can I exchange it for a {altVariant} instead? Order {order}.',
      "I love the {product} but the size {variant} doesn't fit. Is it possible to do a straight exchange for {altVariant} rather than a return and reorder?",
    ],
    short: [
      'can i exchange the {product} size {variant} for {altVariant}? order {order}',
      'hi || need a different size || {variant} to {altVariant} || order {order}',
    ],
    spoken: [
      "Hi, I got the {product} in a {variant} and it doesn't fit, can I swap it for a {altVariant}? Order {orderNo}.",
    ],
  },
  'damaged_or_wrong_item/damaged': {
    topic: 'Damaged item in {order}',
    subjects: ['Item arrived damaged', 'Broken {product} in order {order}', 'Damaged delivery, order {order}'],
    long: [
      "My order {order} arrived [today|yesterday] and the {product} is [damaged|broken|cracked|scratched all over]. [The box was crushed when it arrived.|The packaging looked fine, so it must have been packed that way.] [I've attached photos.|I can send photos if you need them.] What are my options?",
      "Unfortunately the {product} from order {order} came damaged. [There's a big crack down the side.|It's dented and won't close properly.|It doesn't turn on.] I'd like a replacement please.",
    ],
    short: [
      'my {product} arrived broken. order {order}',
      'Hi, the {product} from {order} came damaged. Can I get a replacement?',
      'hi || the {product} came damaged || box was crushed || order {order}',
    ],
    spoken: [
      "Hi, my order came [today|yesterday] and the {product} is broken. The box was all crushed. Order number {orderNo}. What can you do?",
    ],
  },
  'damaged_or_wrong_item/wrong_item': {
    topic: 'Wrong item received ({order})',
    subjects: ['Wrong item received', 'Received the wrong item, order {order}', 'Incorrect item in my order'],
    long: [
      'I ordered the {product}[ in {variant}] but received [a completely different item|the wrong size|the wrong colour|someone else\'s order]. Order {order}. [Can you send the right one?|How do we fix this?]',
      "Order {order} arrived but the {product} is missing and there's [a {otherProduct}|something I didn't order] in the box instead.",
    ],
    short: [
      'got the wrong item in order {order}',
      'Hi, received the wrong item. I ordered the {product}. Order {order}',
      'hey || wrong item in my package || ordered the {product} || {order}',
    ],
    spoken: [
      "Hi, yeah, I got my package but it's the wrong thing. I ordered the {product} and got something else. Order {orderNo}.",
    ],
  },
  'cancellation/cancel_order': {
    topic: 'Cancel order {order}',
    subjects: ['Please cancel order {order}', 'Cancel my order', 'Cancellation request {order}'],
    long: [
      "Please cancel my order {order}, placed {orderDateRel}. [I ordered the wrong size.|I found it cheaper elsewhere.|I ordered by mistake.|I don't need it anymore.] [It hasn't shipped yet so I hope that's possible.]",
      "Can you cancel order {order} before it ships? I'd like a full refund to my original payment method.",
    ],
    short: [
      'pls cancel order {order}',
      'Hi, I need to cancel order {order}, ordered by mistake',
      'hi || can i still cancel my order? || {order}',
    ],
    spoken: [
      "Hi, I need to cancel an order I placed {orderDateRel}. Order {orderNo}. It shouldn't have shipped yet.",
    ],
  },
  'cancellation/too_slow': {
    topic: 'Cancel {order}, taking too long',
    subjects: ['Cancel order {order}, taking too long', 'Cancel and refund {order}'],
    long: [
      "Order {order} still hasn't arrived after {daysSinceOrder}. I don't want it anymore, please cancel it and refund me {total}.",
      "I'm done waiting for order {order}. Please cancel it and give me a full refund.",
    ],
    short: [
      'cancel order {order} its taking forever. want a refund',
      "Please cancel {order} and refund me, it's been {daysSinceOrder}",
    ],
    spoken: [
      "I want to cancel my order. It's been {daysSinceOrder} and it's still not here. Order {orderNo}. Just refund me please.",
    ],
  },
  'shipping_address_change/before_ship': {
    topic: 'Change address on {order}',
    subjects: ['Change shipping address for order {order}', 'Wrong address on my order', 'Address update, {order}'],
    long: [
      'I just realized I put the wrong address on order {order}. Could you change it to {newAddress}, {city}? [I moved last month and forgot to update my account.|I typed the wrong apartment number.]',
      'Is it possible to update the delivery address for order {order}? The new address is {newAddress}, {city}.',
    ],
    short: [
      'need to change the address on order {order} to {newAddress}',
      'Hi, wrong address on {order}! should be {newAddress}, {city}',
      'hi || can i change my shipping address? || order {order} || new one is {newAddress}',
    ],
    spoken: [
      'Hi, I need to change the address on my order, {orderNo}. It should go to {newAddress} in {city}. I put my old address by mistake.',
    ],
  },
  'shipping_address_change/in_transit': {
    topic: 'Redirect {order} to new address',
    subjects: ['Redirect my package?', 'Order {order} shipped to old address'],
    long: [
      'My order {order} already shipped but to my old address. Can you ask {carrier} to redirect it to {newAddress}, {city}? Tracking is {tracking}.',
      "I need to change the delivery address for {order}, which is already in transit. [I won't be at the original address this week.] New address: {newAddress}, {city}.",
    ],
    short: [
      'order {order} is going to my old address! can you redirect to {newAddress}?',
      'hi || my package is in transit to the wrong address || {order}',
    ],
    spoken: [
      "Hi, my order {orderNo} has shipped but it's going to my old address. Can you redirect it to {newAddress}?",
    ],
  },
  'payment/double_charge': {
    topic: 'Charged twice for {order}',
    subjects: ['Charged twice for order {order}', 'Duplicate charge on my card', 'Double payment'],
    long: [
      'I was charged twice for order {order}. I can see two charges of {total} on my [card|bank statement|credit card] ending in {card}. Please refund the duplicate.',
      'There are two identical payments of {total} from {store} on my account but I only placed one order ({order}). Can you look into this?',
    ],
    short: ['i was charged twice for order {order}, {total} x2', 'Hi, double charge on my card for {order}. Please refund one.'],
    spoken: ["Hi, I'm calling because I got charged twice. Two charges of {total}, and I only made one order, {orderNo}."],
  },
  'payment/declined': {
    topic: 'Card declined at checkout',
    subjects: ['Payment keeps getting declined', "Can't complete checkout", 'Card declined at checkout'],
    long: [
      "I've tried [three|several|four] times to buy the {product} but my card keeps getting declined. [My bank says there's no problem on their side.|The card works everywhere else.] Is something wrong with your checkout?",
      "Checkout won't accept my payment. I get '[Your card was declined|Payment could not be processed|Something went wrong]' every time. I tried [PayPal|Apple Pay|two different cards] too.",
    ],
    short: [
      'my card keeps getting declined at checkout??',
      'hi, checkout not working, says payment failed',
      'hi || trying to pay || keeps saying card declined',
    ],
    spoken: [
      "Hi, I'm trying to buy the {product} on your website and it keeps saying my card's declined. My bank says everything's fine.",
    ],
  },
  'payment/discount_code': {
    topic: 'Discount code not applied on {order}',
    subjects: ["Discount code didn't apply", 'Promo code {code} not working'],
    long: [
      "I used the code {code} on order {order} but the discount wasn't applied. I paid the full {total}. Can you refund the difference?",
      "Your email said {code} would give me {codePct} off, but it didn't work at checkout on order {order}. Could you apply it retroactively?",
    ],
    short: [
      'code {code} didnt work on order {order}, can you refund the difference?',
      "hi || discount code didn't apply || {order}",
    ],
    spoken: ["Hi, I had a discount code, {code}, and it didn't come off my order {orderNo}. Can you adjust it?"],
  },
  'chargeback_or_fraud/unauthorized': {
    topic: 'Unauthorized charge ({order})',
    subjects: ['Unauthorized charge from {store}', "I didn't place this order", 'Fraudulent order {order}'],
    long: [
      'I just noticed a charge of {total} from {store} on my card ending in {card}, for order {order}. I did NOT place this order. [Someone must have used my card.|I think my account was hacked.] Please cancel it and refund me immediately.',
      "There's an order ({order}) on my account that I never made. [It's going to an address I don't recognise.|I didn't buy a {product}.] I'm worried my account has been compromised.",
    ],
    short: [
      'theres a charge from you for {total} i didnt make!! order {order}',
      "Hi, I didn't place order {order}. Is this fraud?",
    ],
    spoken: [
      "Hi, there's a charge on my card from your store for {total} and I didn't make it. Order {orderNo}. I need this cancelled.",
    ],
  },
  'chargeback_or_fraud/dispute_threat': {
    topic: 'Chargeback threat on {order}',
    subjects: ['I will dispute this charge', 'Chargeback for order {order}', 'Last warning before I contact my bank', 'Filing a dispute, order {order}'],
    long: [
      "I have been waiting for my order for {daysSinceOrder} now and nobody is helping me. If this isn't resolved by tomorrow I'm filing a chargeback with my bank for the full {total}.",
      "Order {order} never arrived and I'm tired of waiting. I've already contacted [my bank|my credit card company|PayPal] and I'm opening a dispute unless I get a refund today.",
      "This is my final email. Order {order}, {total}. [No package, no refund, no answers.|Tracking hasn't moved in {daysNoScan}.] I'm disputing the charge.",
    ],
    short: [
      "order {order} never came. refund me or i'm doing a chargeback",
      "Im opening a dispute with my bank for order {order} if it's not fixed TODAY",
    ],
    spoken: [
      "Look, I've been waiting forever for order {orderNo}. If I don't get my money back I'm calling my bank to dispute the charge. I'm serious.",
    ],
  },
  'chargeback_or_fraud/account_takeover': {
    topic: 'Suspicious account activity',
    subjects: ['Someone accessed my account', 'Account hacked?', 'Suspicious login on my account'],
    long: [
      "I got an email saying my password was changed, but I didn't change it. [Now I can't log in.|I also see an address I don't recognise in my account.] Please lock my account and check for any orders placed by someone else.",
      "I think someone has been using my {store} account. There's a saved card I didn't add and a login from [another country|a device I don't own]. What should I do?",
    ],
    short: [
      'someone changed my password and i cant log in. hacked??',
      'Hi, I think my account was hacked, please lock it',
    ],
    spoken: [
      "Hi, I think someone got into my account. I got a password reset email I didn't ask for and now I can't log in.",
    ],
  },
  'account/password_reset': {
    topic: 'Password reset not working',
    subjects: ['Password reset email not arriving', "Can't log in", 'Locked out of my account'],
    long: [
      "I've requested a password reset [three|several] times but the email never arrives. [I checked spam too.] My account email is {email}.",
      "I can't log into my account. It says my password is wrong, and when I click 'forgot password' nothing happens. Can you help?",
    ],
    short: ['password reset email never comes', 'cant log in, reset link not working', "hi || can't log in || reset email not coming"],
    spoken: [
      "Hi, I can't get into my account. I keep asking for the password reset and no email comes. My email is {emailSpoken}.",
    ],
  },
  'account/update_details': {
    topic: 'Update account details',
    subjects: ['Update account details', 'Account question', 'Help with my account'],
    long: [
      'Could you change the email address on my account from {email} to my new one? [I no longer have access to the old address.|I\'m switching providers.]',
      'I accidentally created two accounts and my order history is split between them. Can you merge them into {email}?',
    ],
    short: ['how do i change the email on my account?', 'hi || i have 2 accounts || can you merge them'],
    spoken: ["Hi, I'd like to update the email on my account. The current one is {emailSpoken}."],
  },
  'account/unsubscribe_or_delete': {
    topic: 'Unsubscribe / delete account',
    subjects: ['Please remove my details', 'Privacy request', 'My data and your emails'],
    long: [
      "Please unsubscribe me from all marketing emails and texts. [I've clicked unsubscribe twice and I'm still getting them.] My email is {email}.",
      "I'd like my account and personal data deleted[ under GDPR]. Please confirm once it's done.",
    ],
    short: ['STOP sending me texts. unsubscribe', 'please delete my account', 'hi || how do i stop the marketing emails'],
    spoken: ["Hi, I want to stop getting all your emails and texts. I've unsubscribed and I still get them."],
  },
  'product_question/sizing': {
    topic: 'Sizing question: {product}',
    subjects: ['Sizing question: {product}', 'What size should I get?', 'Does the {product} run small?'],
    long: [
      "I'm interested in the {product} but I'm between sizes. I'm usually a {variant} in most brands[ and I'm [5'9|5'4|6'1] tall]. Which size would you recommend? [Does it run true to size?|Is it fitted or relaxed?]",
      "Does the {product} run small or large? I'm ordering it as a gift and I'd like to avoid an exchange.",
    ],
    short: ['does the {product} run true to size?', 'what size {product} should i get? usually wear {variant}', 'hi || question about sizing || {product}'],
    spoken: ["Hi, quick question, I'm looking at the {product} and I'm not sure about the sizing. Does it run small?"],
  },
  'product_question/materials_care': {
    topic: 'Question about the {product}',
    subjects: ['Question about the {product}', '{product}: materials and care', 'Quick product question'],
    long: [
      "Could you tell me what the {product} is made of? [I have a wool allergy.|I'm trying to avoid synthetic materials.|I want to know if it's machine washable.]",
      "How should I clean the {product}? The product page isn't clear[ and I don't want to ruin it].",
    ],
    short: ['what is the {product} made of?', 'is the {product} machine washable?', 'hi || quick question || how do i clean the {product}?'],
    spoken: ["Hi, I'm thinking about buying the {product} and I want to know what it's made of and how to clean it."],
  },
  'product_question/compatibility': {
    topic: 'Compatibility: {product}',
    subjects: ['Will the {product} work with my {device}?', 'Compatibility question'],
    long: [
      "Will the {product} work with my {device}? [I couldn't find a compatibility list on the page.]",
      "Before I order, does the {product} work with a {device}? I don't want to have to return it.",
    ],
    short: ['does the {product} work with a {device}?', 'hi || will the {product} work with my {device}?'],
    spoken: ['Hi, I want to know if the {product} will work with my {device} before I buy it.'],
  },
  'product_question/stock_or_gift': {
    topic: 'Stock / gift question: {product}',
    subjects: ['Question about the {product}', 'Quick question before I order', 'Ordering the {product}'],
    long: [
      "The {product} in [{variant}|my size|the colour I want] is sold out. Do you know when it will be restocked? [Can I get an email when it's back?]",
      'I want to send the {product} as a gift. Do you offer gift wrapping, and can the price be left off the packing slip?',
    ],
    short: ['when will the {product} be back in stock?', 'do you do gift wrapping?'],
    spoken: ["Hi, I'm buying the {product} as a gift. Do you do gift wrapping?"],
  },
  'complaint/delivery_experience': {
    topic: 'Complaint about order {order}',
    subjects: ['Very disappointed with my last order', 'Complaint about delivery of {order}', 'Terrible delivery experience'],
    long: [
      'I want to complain about how order {order} was handled. It arrived {daysLateDelivered} late, [the tracking was useless|nobody answered my emails] and [the box was soaking wet|the driver left it in the rain]. I expected much better from {store}.',
      "Order {order} finally arrived but honestly the whole experience was frustrating. [I had to chase it three times.|It took {daysOrderToDelivery} to arrive.] [I've been a customer for a while and this is the first time I've been let down.|I don't think I'll order again.]",
    ],
    short: ['order {order} took forever and nobody replied to me. not happy', 'Very disappointed with how my order was handled'],
    spoken: ["I'm calling to complain. My order {orderNo} took {daysOrderToDelivery} to arrive and nobody ever got back to me."],
  },
  'complaint/quality': {
    topic: 'Quality complaint: {product}',
    subjects: ['Poor quality {product}', '{product} fell apart', 'Not happy with the quality'],
    long: [
      'I bought the {product} on {orderDate} and [it\'s already falling apart|the stitching came undone after two washes|it stopped working after a couple of weeks|the colour faded after one wash]. For {unitPrice} I expected it to last.',
      "Really disappointed with the {product}. [It looks nothing like the photos.|The material feels cheap.] I've been a loyal customer but this is not the quality I'm used to from you.",
    ],
    short: ['the {product} broke after 2 weeks. not ok', 'Quality of the {product} is really poor, disappointed'],
    spoken: ["Hi, I bought the {product} and it's already broken. For the price it's just not acceptable."],
  },
  'complaint/service': {
    topic: 'Complaint about customer service',
    subjects: ['Nobody answers my emails', 'Complaint about customer service', 'Terrible service'],
    long: [
      "I've contacted you [three|four|several] times [about my order|this week] and haven't received a single reply. [Your chat says someone will be with me shortly and then nothing.|Your phone line just rings out.] This is not how you treat customers.",
      'I want to make a formal complaint about the agent I spoke to [yesterday|on {lastWeekday}]. They [were rude|hung up on me|promised a callback that never came].',
    ],
    short: ['why does nobody answer??? third message', 'terrible service, still no reply'],
    spoken: ["I want to make a complaint. I've been trying to get help for a week and nobody calls back."],
  },
  'other/wholesale': {
    topic: 'Wholesale enquiry',
    subjects: ['Wholesale enquiry', 'Stocking your products in my shop'],
    long: [
      "I run a small [boutique|gift shop|concept store] in {city} and I'm interested in stocking your {categoryLabel} range. Do you offer wholesale pricing, and what are the minimum order quantities?",
    ],
    short: ['hi, do you do wholesale? i have a shop in {city}'],
    spoken: ["Hi, I own a shop in {city} and I'm wondering if you sell wholesale."],
  },
  'other/gift_card': {
    topic: 'Gift card question',
    subjects: ['Gift card help', 'Question about my gift card'],
    long: [
      "I received a {store} gift card [for my birthday|as a gift] but can't find how to check the balance. The code ends in {card}.",
      "My gift card (ending {card}) isn't being accepted at checkout. It says 'invalid code'.",
    ],
    short: ['how do i check my gift card balance?', 'hi || gift card ending {card} not working at checkout'],
    spoken: ["Hi, I have a gift card and I want to know how much is left on it. It ends in {card}."],
  },
  'other/invoice': {
    topic: 'Invoice for {order}',
    subjects: ['Invoice for order {order}', '[VAT invoice|Receipt] request'],
    long: ['Could you send me [a VAT invoice|an itemised receipt] for order {order}? I need it for [my company expenses|accounting|a warranty claim].'],
    short: ['can i get an invoice for order {order}?'],
    spoken: ['Hi, I need an invoice for order {orderNo} for my company.'],
  },
  'other/feedback': {
    topic: 'Customer feedback',
    subjects: ['Just wanted to say thanks', 'Love the {product}!'],
    long: [
      'Just wanted to say the {product} is fantastic[ and the delivery was super fast]. [Keep it up!|Already planning my next order.]',
    ],
    short: ['just wanted to say i love the {product}! thanks'],
    spoken: ["Hi, nothing's wrong, I just wanted to say how much I love the {product}."],
  },
};

/** Per-intent agent language. Scenario-level overrides live in AGENT_OVERRIDES. */
export interface AgentText {
  /** First answer (email / form / phone follow-up email). */
  ack: string[];
  /** First answer on chat / SMS. */
  ackShort: string[];
  /** Asks the customer for something; the ticket then waits on them. */
  pending: string[];
  pendingShort: string[];
  resolve: string[];
  resolveShort: string[];
  /** Internal notes. */
  notes: string[];
  /** Internal call summaries for phone tickets ({topic} is the scenario's topic). */
  callSummary: string[];
  /** Customer's answer to an agent's first reply, when unhappy. */
  replyUnhappy: string[];
  /** Customer's answer to an agent's first reply, when fine with it. */
  replyNeutral: string[];
  /** Customer's answer to a request for information. */
  replyInfo: string[];
}

const GENERIC_UNHAPPY = [
  "That's what I was told last time. I need an actual solution.",
  'OK but when exactly?',
  "Honestly that doesn't help me much.",
  "I've already done that. Still nothing.",
];

const GENERIC_NEUTRAL = ["Thanks, I'll wait to hear from you.", 'OK, thanks for the update.', 'Great, thank you!'];

export const AGENT_TEXT: Record<Intent, AgentText> = {
  order_status: {
    ack: [
      "Thanks for reaching out, and I'm sorry order {order} hasn't reached you yet. I've checked the {carrier} tracking ({tracking}) and the latest event is '{trackingDetail}' on {lastScan}. I've opened a trace with {carrier} and will update you within 24-48 hours.",
      "I'm sorry for the wait on order {order}. I can see it's with {carrier} and I've asked them to investigate why it hasn't moved. If there's no movement by {followUpDate}, we'll send a replacement or refund you, whichever you prefer.",
    ],
    ackShort: [
      "I see it's with {carrier}, last scan {lastScan}. I've opened a trace for you.",
      "Sorry about the wait! I've asked {carrier} to look into it and will follow up within 48h.",
    ],
    pending: [
      'To help {carrier} locate the parcel, could you confirm the full delivery address, including any apartment or unit number, and a phone number they can reach you on?',
      "While {carrier} investigates: would you prefer a replacement or a refund if the parcel doesn't move by {followUpDate}? Just reply with your choice.",
    ],
    pendingShort: [
      'Could you confirm your full address incl. apartment number?',
      "If it doesn't move by {followUpDate}, replacement or refund?",
    ],
    resolve: [
      "Good news: {carrier} located the parcel and it's moving again. You can follow it with tracking number {tracking}.[ I've also refunded your shipping for the trouble.]",
      "As the parcel hasn't moved, I've sent a replacement by express shipping at no charge. You'll receive a new tracking number shortly. If the original turns up, you're welcome to keep it.",
      "I've issued a full refund of {total} for order {order} to your original payment method. It should appear within 5-10 business days.",
    ],
    resolveShort: [
      "Replacement sent by express, you'll get tracking shortly!",
      "Refund of {total} issued. It'll show in 5-10 business days.",
      "{carrier} found it and it's moving again. Should arrive in 1-2 days.",
    ],
    notes: [
      'Opened trace with {carrier}, ref {traceRef}. Follow up on {followUpDate}.',
      "Tracking: '{trackingDetail}' ({lastScan}). Offer express replacement if no scan by {followUpDate}.",
      'Customer has {ordersCount} orders with us. Approved replacement without waiting for the carrier claim.',
      'Checked warehouse system: shipment left on time, delay is on the carrier side.',
    ],
    callSummary: [
      'Call summary: {topic}. Checked {carrier} tracking (last event {lastScan}), opened trace {traceRef}, promised an update by {followUpDate}.',
      'Inbound call: {topic}. Verified address ({city}), customer prefers a replacement if the carrier cannot locate it.',
    ],
    replyUnhappy: [
      "I don't want a trace, I want my order or my money back.",
      'Still nothing on the tracking. Any news from {carrier}?',
      'I need it by {followUpDay}. Can you guarantee that?',
      ...GENERIC_UNHAPPY,
    ],
    replyNeutral: ["OK, I'll wait until {followUpDate}. Thanks for checking.", ...GENERIC_NEUTRAL],
    replyInfo: [
      'The address is correct, {city}, nothing missing. You can reach me on this email.',
      'A replacement please, I still need it.',
      "Refund please, I've bought it elsewhere now.",
    ],
  },
  refund: {
    ack: [
      "I've checked the refund for order {order}: {refundAmount} was released on {refundDate}. Banks usually take 5-10 business days to show it on your statement, so it should appear very soon.",
      "Thanks for your patience. I can see the refund for order {order} and I've asked our payments team to confirm its status with the bank.",
    ],
    ackShort: ['Your refund of {refundAmount} was released {refundDate}. Banks take 5-10 business days.', "Checking the refund for {order} now, one moment."],
    pending: [
      'Could you share the last four digits of the card you paid with, and the date on your statement you are checking? That lets me match the transaction with our payment provider.',
    ],
    pendingShort: ['Could you send the last 4 digits of the card you paid with?'],
    resolve: [
      "I've confirmed the refund of {refundAmount} to your card ending {card}. The bank reference is {refNo}, which you can quote to your bank if it doesn't show within 5 business days.",
      "I've processed a refund of {refundAmount} for order {order} today. You'll get a confirmation email shortly.",
    ],
    resolveShort: ['Refund of {refundAmount} done, bank ref {refNo}.', 'Processed your refund of {refundAmount} just now!'],
    notes: [
      'Refund {refundAmount} released on {refundDate}, shared bank ref {refNo} with the customer.',
      'Return received at warehouse, refund waiting on QC. Nudged the returns team.',
      'Refund approved by {lead}.',
    ],
    callSummary: ['Call summary: {topic}. Confirmed the refund status ({refundAmount}) and emailed the bank reference.'],
    replyUnhappy: ["It's been way more than 5 days.", 'My bank says they have nothing from you.', ...GENERIC_UNHAPPY],
    replyNeutral: ["OK I'll check again in a few days, thanks.", ...GENERIC_NEUTRAL],
    replyInfo: ['The card ends in {card}.', 'It was my card ending {card}, I checked my statement this morning.'],
  },
  return: {
    ack: [
      "Happy to help with your return. I've emailed you a prepaid return label for the {product}. Once the parcel is scanned, we'll process your refund within 3-5 business days.",
      "Thanks for getting in touch. I've set up the return for the {product} on order {order}; you'll find the label and instructions in a separate email.",
    ],
    ackShort: ['Sure! Sending you a prepaid return label now.', 'Return set up for the {product}, label is in your inbox.'],
    pending: [
      'Could you let me know the reason for the return and whether the {product} has been used? Unused items in original packaging can be refunded in full.',
    ],
    pendingShort: ['Has the {product} been used? Just need that for the return.'],
    resolve: [
      "Your return for order {order} has arrived at our warehouse and I've issued a refund of {refundAmount}. It should reach your account within 5-10 business days.",
    ],
    resolveShort: ['Return received, refund of {refundAmount} issued!'],
    notes: ['Return label generated, RMA {refNo}.', 'Outside the 30-day window by a few days, approved anyway as a courtesy.', 'Return scanned by carrier, refund queued.'],
    callSummary: ['Call summary: {topic}. Emailed prepaid label, RMA {refNo}.'],
    replyUnhappy: ["I don't have a printer. Is there another way?", 'Why do I have to pay for the return?', ...GENERIC_UNHAPPY],
    replyNeutral: ["Thanks, I'll drop it off tomorrow.", ...GENERIC_NEUTRAL],
    replyInfo: ["It's unused, still in the box.", 'Never used, tags still on.', "Just not what I expected, it's unused."],
  },
  damaged_or_wrong_item: {
    ack: [
      "I'm so sorry the {product} arrived like that. Could you send a photo of the item and of the outer box? That helps us file a claim with {carrier} and stop it happening again.",
    ],
    ackShort: ['So sorry about that! Could you send a photo of the item and box?'],
    pending: ['Could you send a couple of photos of the {product} and the packaging? As soon as I have them I can send the replacement.'],
    pendingShort: ['Could you send a photo of the {product} and the box?'],
    resolve: [
      "Thank you for the photos. I've sent a replacement {product} by express shipping at no charge; there's no need to return the damaged one.",
      "I've refunded the {product} in full. You don't need to send it back.",
    ],
    resolveShort: ['Replacement {product} on its way by express!', 'Refunded the {product} in full, no need to return it.'],
    notes: ['Damage consistent with transit. Carrier claim filed with {carrier}.', 'Replacement approved, no return needed.', 'Packaging issue logged for the warehouse team.'],
    callSummary: ['Call summary: {topic}. Asked for photos by email, replacement to follow.'],
    replyUnhappy: ["I need it for this weekend, express isn't fast enough.", ...GENERIC_UNHAPPY],
    replyNeutral: ["Sure, I'll send photos tonight.", 'Photos attached, the box was completely crushed.'],
    replyInfo: ['Photos attached.', 'Sure, here are the pictures of the box and the item.'],
  },
  cancellation: {
    ack: ["I've asked our warehouse to stop order {order} before it ships. I'll confirm as soon as it's cancelled."],
    ackShort: ['Checking if {order} has left the warehouse yet, one moment.'],
    pending: ['The order is being packed right now. Would you prefer I cancel it completely, or change it (for example a different size) instead?'],
    pendingShort: ['Cancel it completely, or swap the item instead?'],
    resolve: [
      'Order {order} has been cancelled and a full refund of {total} issued to your original payment method.',
      "Unfortunately order {order} had already left our warehouse, so I couldn't cancel it. When it arrives you can refuse delivery or return it free of charge, and I'll refund you as soon as it's back.",
    ],
    resolveShort: ['Cancelled! Refund of {total} issued.', "It had already shipped, but you can refuse delivery and we'll refund you."],
    notes: ['Checked warehouse system for pick status.', 'Cancellation requested in the warehouse system.', 'Refund to original payment method queued.'],
    callSummary: ['Call summary: {topic}. Stopped the order before dispatch, refund to original payment method.'],
    replyUnhappy: ["Why couldn't it be cancelled? I asked right away.", ...GENERIC_UNHAPPY],
    replyNeutral: GENERIC_NEUTRAL,
    replyInfo: ['Please just cancel it completely.', 'Cancel please, I will reorder later.'],
  },
  shipping_address_change: {
    ack: ["Thanks for letting us know! I'm checking whether order {order} has left the warehouse so I can update the address."],
    ackShort: ['Let me check if I can still update it!'],
    pending: ['Could you confirm the complete new address, including the ZIP/postcode and apartment number?'],
    pendingShort: ['Could you confirm the full new address incl. ZIP/postcode?'],
    resolve: ["Done! I've updated the shipping address on order {order} to {newAddress}, {city}."],
    resolveShort: ['Updated to {newAddress}!'],
    notes: ['Order not picked yet, address can still be changed.', 'Address updated before label print.'],
    callSummary: ['Call summary: {topic}. New address {newAddress}, {city}.'],
    replyUnhappy: ['So it might still go to the old address?', ...GENERIC_UNHAPPY],
    replyNeutral: ['Thanks, that would be great.', ...GENERIC_NEUTRAL],
    replyInfo: ["Yes, {newAddress}, {city}, that's right.", 'Confirmed: {newAddress}, {city}.'],
  },
  payment: {
    ack: [
      "Thanks for flagging this. I can see one captured payment of {total} and one pending authorisation for order {order}. The authorisation isn't a charge and will drop off automatically within 3-5 business days.",
    ],
    ackShort: ['I see one payment and one pending authorisation. The second one drops off in 3-5 business days.'],
    pending: ['Could you send a screenshot of the two transactions from your banking app, with the card number hidden except the last four digits?'],
    pendingShort: ['Could you send a screenshot of both charges (hide the card number)?'],
    resolve: ["I've refunded the duplicate charge of {total}; you'll see it within 5-10 business days."],
    resolveShort: ['Duplicate charge refunded.'],
    notes: ['Duplicate auth confirmed in payment dashboard, voided.', 'Checked payment provider logs.'],
    callSummary: ['Call summary: {topic}. Explained authorisation vs charge, will monitor.'],
    replyUnhappy: ["It's not pending, the money is gone from my account.", ...GENERIC_UNHAPPY],
    replyNeutral: ["OK, I'll give it a few days.", ...GENERIC_NEUTRAL],
    replyInfo: ['Screenshot attached.', 'Attached, both charges are from the same day.'],
  },
  chargeback_or_fraud: {
    ack: [
      "I completely understand your frustration. I've escalated order {order} to our senior team and I'm personally following it. There's no need to open a dispute: we'll resolve this with you directly today.",
    ],
    ackShort: ["I've escalated this and I'm on it personally."],
    pending: ['For your security, could you confirm the billing ZIP/postcode and the email on the account? I will then complete the refund.'],
    pendingShort: ['Can you confirm the billing ZIP/postcode on the account?'],
    resolve: [
      "I've issued a full refund of {total} for order {order}. If you've already opened a dispute, please let your bank know it's been refunded so the case can be closed.",
    ],
    resolveShort: ['Full refund of {total} issued, no need for a dispute.'],
    notes: ['CHARGEBACK RISK: customer threatening a dispute. Full refund approved by {lead}.', 'Checked order history: no previous disputes on this customer.'],
    callSummary: ['Call summary: {topic}. Escalated to Billing & Disputes.'],
    replyUnhappy: ["I've heard that before. I want the refund NOW.", ...GENERIC_UNHAPPY],
    replyNeutral: ['Thanks, I have also called my bank.', ...GENERIC_NEUTRAL],
    replyInfo: ['The ZIP/postcode is correct. Please go ahead.', 'Confirmed, same email as this one.'],
  },
  account: {
    ack: [
      "I've sent a fresh password reset link to {email}. It expires in 30 minutes, so please use it right away, and check the promotions or spam folder if it doesn't show up.",
    ],
    ackShort: ['Just sent you a new reset link!'],
    pending: ['To protect your account, could you confirm the billing ZIP/postcode from your last order?'],
    pendingShort: ['Could you confirm the ZIP/postcode from your last order?'],
    resolve: ["I've reset your login; you can sign in with the new link I just sent."],
    resolveShort: ['All set, you can log in now!'],
    notes: ['Verified identity via billing postcode.', 'Reset emails were bouncing; resent after fixing the address typo.'],
    callSummary: ['Call summary: {topic}. Verified identity, sent reset link.'],
    replyUnhappy: ['Still not receiving anything.', ...GENERIC_UNHAPPY],
    replyNeutral: ['Got it, thanks.', ...GENERIC_NEUTRAL],
    replyInfo: ["It's the same postcode as on my last order.", 'The postcode is the one in {city}, same as always.'],
  },
  product_question: {
    ack: [
      'Great question! The {product}: {productDetails}. Let me know if you need anything else!',
      'Thanks for asking before ordering! Here are the details for the {product}: {productDetails}.',
    ],
    ackShort: ['The {product}: {productDetails}.', 'Good question! {productDetails}.'],
    pending: ['Could you tell me a little more about what you need it for, so I can recommend the right option?'],
    pendingShort: ['What will you mainly use it for?'],
    resolve: ['Here are the details for the {product}: {productDetails}. Happy shopping!'],
    resolveShort: ['{productDetails}. Anything else I can help with?'],
    notes: ['Checked spec sheet with the product team.', 'Answered from the product page; no order yet.'],
    callSummary: ['Call summary: {topic}. Answered from spec sheet.'],
    replyUnhappy: ["That doesn't really answer my question."],
    replyNeutral: ['Perfect, thanks!', "Great, I'll order it."],
    replyInfo: ['Mostly for everyday use.', "It's a gift for my sister."],
  },
  complaint: {
    ack: [
      "I'm really sorry about your experience, {first}. That's not the standard we aim for, and I've shared your feedback with the team responsible.",
      "Thank you for taking the time to tell us. I've read everything carefully and I'm sorry we let you down.",
    ],
    ackShort: ["I'm really sorry about this. Let me see what I can do."],
    pending: ['Could you tell me which order this was about, and roughly when you contacted us before? I want to make sure I find the earlier conversation.'],
    pendingShort: ['Which order was this about?'],
    resolve: [
      "As an apology I've added a {credit} credit to your account, and I've passed your comments to our [logistics|quality|support] lead.",
      "I've refunded your shipping and added a {credit} credit for next time. I hope you'll give us another chance.",
    ],
    resolveShort: ["I've added a {credit} credit to your account as an apology."],
    notes: ['Customer upset, {ordersCount} orders lifetime. Offered {credit} credit.', 'Escalated to {lead}.', 'Feedback logged for the weekly CX review.'],
    callSummary: ['Call summary: {topic}. Listened, apologised, offered {credit} credit.'],
    replyUnhappy: ["A credit isn't going to fix this.", ...GENERIC_UNHAPPY],
    replyNeutral: ['Thanks for listening at least.', 'I appreciate the response.'],
    replyInfo: ['It was my last order, I emailed about it twice last week.', 'The order from {orderDate}.'],
  },
  other: {
    ack: ["Thanks for reaching out! I've passed your message to the right team and they'll get back to you within 2 business days."],
    ackShort: ['Thanks! Passing this to the right team.'],
    pending: ['Could you send a few more details so I can route this correctly?'],
    pendingShort: ['Could you send a few more details?'],
    resolve: ["All done! Let us know if there's anything else we can help with."],
    resolveShort: ['All done!'],
    notes: ['Routed to the right team.'],
    callSummary: ['Call summary: {topic}. Answered on the call.'],
    replyUnhappy: ['Still waiting on this.'],
    replyNeutral: ['Thanks!', 'Great, thank you.'],
    replyInfo: ['Sure, details attached.'],
  },
};

/** Scenario-specific agent language that replaces the intent default. */
export const AGENT_OVERRIDES: Record<string, Partial<AgentText>> = {
  'order_status/not_shipped': {
    ack: [
      "Thanks for your patience. I've checked order {order} and the {product} was on backorder, which held up the shipment. It's expected to ship by {followUpDate} and you'll get a tracking email as soon as it does.",
    ],
    ackShort: ['The {product} was on backorder. It should ship by {followUpDate}.'],
    pending: ['Would you like to wait for the {product}, or should we ship the rest of the order now and the {product} separately at no extra cost?'],
    pendingShort: ['Ship the rest now and the {product} later, or wait?'],
    resolve: ["Order {order} has now shipped. You'll receive the tracking link by email shortly. Thanks for bearing with us!"],
    resolveShort: ['Good news, {order} just shipped! Tracking is on its way by email.'],
    notes: ['Backorder on {product}. Supplier ETA {followUpDate}.', 'Asked warehouse to split the shipment.'],
    replyInfo: ['Ship what you have now please.', "I'll wait, send it all together."],
  },
  'order_status/delivered_not_received': {
    ack: [
      "I'm sorry to hear this. {carrier} shows order {order} delivered on {deliveredDate}. Parcels are sometimes marked delivered a little early or left with a neighbour, so could you check around? In the meantime I've opened a claim with {carrier}.",
    ],
    ackShort: ["Sorry! {carrier} shows it delivered {deliveredDay}. I've opened a claim; could you check with neighbours meanwhile?"],
    pending: ["Could you check with your neighbours or building reception in case the parcel was left with them? Let me know either way and I'll take it from there."],
    pendingShort: ["Could you check with neighbours/reception and let me know? I'll keep the claim open."],
    resolve: ["{carrier} couldn't confirm the delivery location, so I've sent a replacement by express at no cost. Sorry for the hassle!"],
    resolveShort: ['Replacement sent by express at no cost!'],
    notes: ['Delivered-not-received claim opened with {carrier}, ref {traceRef}.', 'Delivery scan location matches the street; one-off replacement approved.'],
    replyNeutral: ["I'll check with the neighbours tonight.", 'OK, I will ask around and let you know.'],
    replyInfo: ['I asked the neighbours, nobody has it.', 'Building reception has nothing either.'],
  },
  'order_status/exception': {
    ack: [
      "I've looked into order {order}: {carrier} has it as '{trackingDetail}'. I've contacted them to confirm your address in {city} and requested redelivery. The tracking should update within 1-2 business days.",
    ],
    ackShort: ["{carrier} shows '{trackingDetailShort}'. I've asked them to reattempt delivery."],
    resolve: ['{carrier} confirmed your address and the parcel is out for redelivery. Sorry for the delay!'],
    resolveShort: ['{carrier} confirmed the address, redelivery is on its way!'],
    notes: ["Carrier exception: '{trackingDetail}'. Sent address confirmation to {carrier}, ref {traceRef}."],
  },
  'order_status/where_is_my_order': {
    ack: ["Your order {order} is on its way with {carrier} (tracking {tracking}). The latest scan is '{trackingDetail}' and it's due by {eta}."],
    ackShort: ["It's with {carrier} and due {eta}! Tracking: {tracking}"],
    resolve: ["Your order {order} is on schedule with {carrier} and due by {eta}. You can follow it with tracking number {tracking}."],
    resolveShort: ['On its way, due {eta}! Tracking: {tracking}'],
    notes: ['WISMO: parcel on schedule, shared tracking link.'],
    callSummary: ['Call summary: {topic}. Parcel on schedule with {carrier}, due {eta}; shared the tracking number.'],
    replyNeutral: GENERIC_NEUTRAL,
  },
  'refund/request': {
    pending: ["Could you tell me a bit more about what was wrong with the {product}? If it's faulty, you won't need to send it back."],
    pendingShort: ['What was wrong with the {product}?'],
    replyUnhappy: ["Why do I have to send it back? It's useless to me.", "I don't have a printer for the label.", ...GENERIC_UNHAPPY],
    replyInfo: ["It just doesn't work as described.", 'The quality is much worse than in the photos.'],
    notes: ['Return label issued for refund request.'],
    ack: ["I'm sorry the {product} didn't work out. I can offer a full refund once it's back with us; I've emailed you a prepaid return label."],
    ackShort: ["Sorry it didn't work out! I've emailed you a prepaid return label."],
    resolve: ["I've refunded {refundAmount} for the {product}. It will show within 5-10 business days."],
    resolveShort: ['Refund of {refundAmount} issued!'],
  },
  'return/status': {
    pending: ['Could you send the drop-off receipt or the tracking number of your return parcel, so I can trace it?'],
    pendingShort: ['Could you send the tracking number of your return parcel?'],
    callSummary: ['Call summary: {topic}. Confirmed the return is registered; refund within 3-5 business days of arrival.'],
    notes: ['Return registered {returnDate}; carrier scan pending.', 'Asked warehouse to prioritise this return.'],
    replyNeutral: GENERIC_NEUTRAL,
    replyInfo: ["Here's the drop-off receipt.", 'Tracking number is on the receipt, photo attached.'],
    ack: ["I've checked your return for order {order}: it was registered on {returnDate} and [is on its way to us|has just arrived at our warehouse]. Refunds go out within 3-5 business days of arrival."],
    ackShort: ['Your return was registered {returnDate}; refunds go out 3-5 business days after it arrives.'],
  },
  'return/exchange': {
    ack: ["Of course! I've set up an exchange from {variant} to {altVariant} and emailed you a prepaid label for the original."],
    ackShort: ['Sure! Exchange from {variant} to {altVariant} set up, label in your inbox.'],
    resolve: ["I've set up the exchange: a {altVariant} is reserved for you and will ship as soon as the carrier scans your return. No need to wait for it to reach us."],
    resolveShort: ['Exchange done, the {altVariant} ships once your return is scanned.'],
    notes: ['Exchange approved, {altVariant} reserved.'],
    replyInfo: ["It's never been worn, tags still on."],
  },
  'damaged_or_wrong_item/wrong_item': {
    ack: ["Sorry for the mix-up with order {order}! Could you send a photo of the item you received, including the label on the bag? I'll ship the right {product} straight away."],
    ackShort: ['Sorry for the mix-up! Could you send a photo of what you received?'],
    resolve: ["I've shipped the correct {product} today and emailed a prepaid label for the item you received by mistake."],
    resolveShort: ['Correct item shipped today, return label emailed.'],
    notes: ['Pick error, flagged to warehouse lead.', 'Reshipped correct SKU.'],
  },
  'cancellation/too_slow': {
    ack: ["I'm sorry order {order} is taking so long. I've cancelled it and asked {carrier} to send the parcel back to us."],
    ackShort: ["So sorry for the wait. I've cancelled {order} and asked {carrier} to return it."],
    resolve: ["I've cancelled order {order} and refunded {total}. If the parcel still turns up, simply refuse it."],
    resolveShort: ['Cancelled and refunded {total}. If it turns up, just refuse it.'],
    notes: ['Cancelled after delay; refund issued without waiting for the parcel to come back.'],
  },
  'shipping_address_change/in_transit': {
    ack: ["Thanks for letting us know! As order {order} is already with {carrier}, I'll request a redirect to the new address."],
    ackShort: ["It's already with {carrier}, I'll request a redirect."],
    resolve: ["I've requested a redirect to {newAddress} with {carrier}. They usually confirm within 24 hours and it may add a day to delivery."],
    resolveShort: ['Redirect requested with {carrier}.'],
    notes: ['Carrier redirect requested, ref {traceRef}.'],
  },
  'payment/declined': {
    ack: ["Sorry for the trouble at checkout. I've checked and there's no block on our side. Banks sometimes flag online purchases, so it's worth trying again or using PayPal."],
    ackShort: ["There's no block on our side. Could you try again, or use PayPal?"],
    pending: ['Could you tell me the exact error message you see, and which payment method you used?'],
    pendingShort: ['What exact error do you see?'],
    resolve: ['Our payment provider confirmed the declines came from the card issuer. A quick call to your bank should clear it, or you can use PayPal.'],
    resolveShort: ['The declines came from your card issuer. A call to your bank should fix it.'],
    notes: ['Payment provider logs show issuer declines (do not honor).'],
    replyInfo: ["It says 'Your card was declined'. Visa debit."],
  },
  'payment/discount_code': {
    ack: ["Thanks for letting me know. {code} should have given you {codePct} off order {order}, so I'll apply it manually."],
    ackShort: ["I'll apply {code} manually for you."],
    resolve: ["I've refunded the discount difference of {discountDiff} to your card."],
    resolveShort: ['Refunded {discountDiff}, sorry about that!'],
    notes: ['Discount applied manually, refund {discountDiff}.'],
  },
  'chargeback_or_fraud/unauthorized': {
    ack: ['Thank you for letting us know. I\'ve put order {order} on hold and locked the account while we investigate. For your security, please also contact your bank about the card.'],
    ackShort: ["I've locked the account and put the order on hold."],
    resolve: ['Your account is secured: all sessions are signed out, the unknown card is removed and order {order} was cancelled with a full refund of {total}.'],
    resolveShort: ['Account secured and order cancelled with a full refund.'],
    notes: ['Flagged for fraud review; {order} on hold, shipping blocked.', 'Account locked, password reset forced, sessions revoked.'],
  },
  'chargeback_or_fraud/account_takeover': {
    ack: ["Thank you for letting us know. I've locked your account and signed out all sessions while we investigate."],
    ackShort: ["I've locked your account and signed out all sessions."],
    resolve: ['Your account is secured: all sessions are signed out, the unknown card is removed and you can set a new password with the link I just sent.'],
    resolveShort: ['Account secured, reset link sent.'],
    notes: ['Account locked, password reset forced, sessions revoked.', 'No orders placed from the new device.'],
  },
  'account/update_details': {
    ack: ["Happy to help! For security, I'll need to verify a couple of details before changing anything on the account."],
    ackShort: ['Happy to help! I just need to verify a couple of details first.'],
    resolve: ['All set: your account details are updated and your order history is in one place.'],
    resolveShort: ['Done, account updated.'],
  },
  'account/unsubscribe_or_delete': {
    ack: ["Thanks for getting in touch. I've unsubscribed {email} from all marketing. It can take up to 48 hours for messages already scheduled to stop."],
    ackShort: ['Done, you are unsubscribed from everything.'],
    resolve: ["Your request is complete: you're unsubscribed from all emails and texts, and your data request has been logged."],
    resolveShort: ['Done, unsubscribed from everything.'],
    notes: ['Marketing consent removed in all channels.', 'Deletion request logged (30-day deadline).'],
  },
  'product_question/sizing': {
    ack: ["Great question! The {product}: {productDetails}. If you're between sizes I'd go with the larger one."],
    ackShort: ["{productDetails}. If you're between sizes, go up one."],
    pending: ['Could you tell me your usual size in another brand so I can compare with our size chart?'],
    pendingShort: ['What size do you usually wear in other brands?'],
    notes: ['Suggested size up based on customer measurements.'],
    replyInfo: ["I'm usually a {variant}.", 'Usually {variant}, sometimes one up.'],
  },
  'product_question/compatibility': {
    ack: ["Here's what I can tell you about the {product}: {productDetails}. It should work with your {device}, and if it doesn't, returns are free within 30 days."],
    ackShort: ['{productDetails}. Should be fine with your {device}!'],
    resolve: ["The {product} works with your {device}: {productDetails}. Returns are free within 30 days if anything's off."],
    resolveShort: ['Yes, it works with the {device}!'],
  },
  'product_question/stock_or_gift': {
    ack: ["The {product} is due back in stock in about two weeks, and I've added you to the restock alert. We also offer gift wrapping for {giftWrap}, and packing slips never show prices."],
    ackShort: ['Restock is due in about 2 weeks, and gift wrap is {giftWrap}!'],
    resolve: ["You're on the restock alert for the {product}, and gift wrapping ({giftWrap}) can be added at checkout."],
    resolveShort: ['Added you to the restock alert!'],
  },
  'other/wholesale': {
    resolve: ['Our wholesale team has your details and will email you a price list and minimums this week.'],
    resolveShort: ['Wholesale team will email you this week!'],
    notes: ['Forwarded to wholesale team.'],
  },
  'other/gift_card': {
    pending: ['Could you send the full gift card code (or a photo of the card)?'],
    pendingShort: ['Could you send the full code?'],
    resolve: ['Your gift card balance is {giftBalance} and it never expires.'],
    resolveShort: ['Balance is {giftBalance}!'],
    notes: ['Checked gift card ledger.'],
    replyInfo: ['Photo of the card attached.'],
  },
  'other/invoice': {
    ack: ["Sure! I'll generate the invoice for order {order} and send it over."],
    ackShort: ["Sure, I'll email you the invoice."],
    resolve: ["I've attached the invoice for order {order}."],
    resolveShort: ['Invoice sent to your email.'],
    notes: ['Invoice generated from order system.'],
  },
  'other/feedback': {
    ack: ['Thank you so much for your kind words, it really made our day!'],
    ackShort: ['Aw, thank you! That made our day.'],
    resolve: ["Thank you so much, {first}! I've shared this with the whole team."],
    resolveShort: ["Thank you! I've shared it with the team."],
  },
};

/** Customer follow-ups sent before anyone answered, by tone. */
export const FOLLOW_UPS: Record<'calm' | 'annoyed' | 'furious', { long: string[]; short: string[] }> = {
  calm: {
    long: [
      'Hi again, just following up on my message about {ref}. Any update?',
      'Sorry to bother you again, I wanted to check whether you got my email about {ref}.',
      'Just checking in on {ref}, I haven\'t heard back yet.',
    ],
    short: ['any update on {ref}?', 'hi, just checking in', 'hello? still waiting on {ref}'],
  },
  annoyed: {
    long: [
      'Still waiting for a reply about {ref}.',
      "Hello? It's been {waited} and I haven't heard anything about {ref}.",
      'Following up again on {ref}. Can someone please respond?',
      'This is my {nth} message about {ref}. Is anyone reading these?',
    ],
    short: ['still waiting...', 'hello??', 'any news on {ref}??', 'its been {waited}. anyone?'],
  },
  furious: {
    long: [
      "This is the {nth} time I'm writing about {ref}!!! Is ANYONE there???",
      'No reply, no update, nothing. Unbelievable.',
      "I've now waited {waited} for a response. This is RIDICULOUS.",
      "Last chance. If I don't hear back today I'm disputing the charge and leaving a review everywhere I can.",
      "I can't believe nobody has answered me. This is the worst customer service I have ever dealt with.",
    ],
    short: ['HELLO???', 'this is ridiculous', '{nth} message. ANSWER ME', 'seriously?? nobody??'],
  },
};

export const THANKS = {
  warm: ['Thank you so much, {agent}!', 'Perfect, thanks for sorting it out.', "That's great, really appreciate it.", 'Received it today, thanks for all the help!', 'Amazing, thank you!'],
  curt: ['ok thanks', 'Got it.', 'Fine. Thanks I guess.', 'thx'],
};

export const GREETINGS: Record<CustomerTone, string[]> = {
  calm: ['Hi,', 'Hello,', 'Hi there,', 'Hello {store} team,', 'Good [morning|afternoon],'],
  polite: ['Hi,', 'Hello,', 'Dear {store} Support,', 'Hi there,', 'Good [morning|afternoon],'],
  annoyed: ['Hi,', 'Hello,', ''],
  furious: ['', 'Hello??', 'To whom it may concern,', ''],
  grateful: ['Hi team!', 'Hello lovely people at {store},', 'Hi there!'],
};

export const SIGNOFFS: Record<CustomerTone, string[]> = {
  calm: ['Thanks,\n{first}', 'Best,\n{first} {last}', 'Kind regards,\n{first} {last}', 'Cheers,\n{first}'],
  polite: ['Thank you so much,\n{first}', 'Many thanks in advance,\n{first} {last}', 'Best wishes,\n{first}'],
  annoyed: ['{first}', 'Thanks,\n{first} {last}', 'Regards,\n{first} {last}'],
  furious: ['{first} {last}', '- {first}', '{first} {last}\n(customer since {since})'],
  grateful: ['Thanks again!\n{first}', 'Warmly,\n{first}', 'Have a lovely day,\n{first}'],
};

/** Extra sentences that give the message its tone (prefix or suffix). */
export const TONE_LINES: Record<CustomerTone, { before: string[]; after: string[] }> = {
  calm: { before: [''], after: ['', 'Thanks.', 'Thanks for your help.'] },
  polite: {
    before: ['', 'I hope you are well.', 'Hope you can help me with something.'],
    after: ['[No rush at all|I know things get busy], just wanted to check.', 'Thanks so much for your help!', 'I appreciate any help you can give.'],
  },
  annoyed: {
    before: ['', "I'm getting [a bit|pretty|really] frustrated.", 'This is the second time I have to ask.'],
    after: [
      'This is getting [a bit|pretty|really] frustrating.',
      'I expected better to be honest.',
      'Can someone please actually look into this?',
      "I've been waiting {daysSinceOrder} now.",
    ],
  },
  furious: {
    before: ["This is the THIRD time I'm writing about this.", 'I am beyond angry right now.', 'Unbelievable.'],
    after: [
      'This is RIDICULOUS!!!',
      "If I don't hear back by tomorrow I'm disputing the charge with my bank.",
      'I want my money back. NOW.',
      'Worst customer service I have ever experienced.',
      "I'll be leaving a review everywhere I can.",
      "Honestly I'm done with {store}.",
      "Don't send me another automated reply!!",
    ],
  },
  grateful: {
    before: ['', 'First of all, I love your products!', 'You have always been great to me.'],
    after: ['Thanks for always being so helpful!', 'Love your products btw!', 'Thanks a million!'],
  },
};

export const SPOKEN_TONE: Record<CustomerTone, string[]> = {
  calm: ['', 'Thanks.'],
  polite: ['Thank you so much for your help.', "I'd really appreciate it, thanks."],
  annoyed: ["I'm getting a bit frustrated to be honest.", "I've been waiting a while now."],
  furious: [
    "This is ridiculous, this is the third time I've called!",
    "If this isn't sorted today I'm going to my bank, I'm not joking.",
    "I've had enough, honestly. Nobody ever calls back!",
  ],
  grateful: ['You guys are always so helpful.', 'Thanks, I love your stuff by the way.'],
};

export const AGENT_GREETINGS = ['Hi {first},', 'Hello {first},', 'Hi {first},', 'Dear {first},'];
export const AGENT_SIGNOFFS = ['Best,', 'Kind regards,', 'Thanks again,', 'Warm regards,', 'Best wishes,'];
export const AGENT_APOLOGY = ['', "I'm sorry for the frustration this has caused.", 'I completely understand how frustrating this is, and I apologise.'];

export const FORM_TOPICS: Record<Intent, string> = {
  order_status: 'Order status',
  refund: 'Refunds',
  return: 'Returns & exchanges',
  cancellation: 'Cancel an order',
  damaged_or_wrong_item: 'Damaged or wrong item',
  payment: 'Payment & billing',
  chargeback_or_fraud: 'Payment & billing',
  shipping_address_change: 'Change shipping address',
  account: 'My account',
  product_question: 'Product question',
  complaint: 'Feedback & complaints',
  other: 'Something else',
};
